package org.dsrcnn.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code dsrcnn infer} is being written; this file is replaced by its real command. */
@Command(name = "infer", description = "(not yet available)")
public final class InferCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'infer' is not available yet");
    }
}
