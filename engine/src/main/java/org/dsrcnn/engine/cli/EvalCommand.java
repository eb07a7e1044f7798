package org.dsrcnn.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code dsrcnn eval} is being written; this file is replaced by its real command. */
@Command(name = "eval", description = "(not yet available)")
public final class EvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'eval' is not available yet");
    }
}
