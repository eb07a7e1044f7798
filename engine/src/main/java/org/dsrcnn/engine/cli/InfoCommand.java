package org.dsrcnn.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code dsrcnn info} is being written; this file is replaced by its real command. */
@Command(name = "info", description = "(not yet available)")
public final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'info' is not available yet");
    }
}
