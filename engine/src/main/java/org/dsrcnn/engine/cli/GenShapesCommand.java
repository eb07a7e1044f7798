package org.dsrcnn.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code dsrcnn gen-shapes} is being written; this file is replaced by its real command. */
@Command(name = "gen-shapes", description = "(not yet available)")
public final class GenShapesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'gen-shapes' is not available yet");
    }
}
