package org.dsrcnn.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code dsrcnn bench} is being written; this file is replaced by its real command. */
@Command(name = "bench", description = "(not yet available)")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'bench' is not available yet");
    }
}
