package org.dsrcnn.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code dsrcnn assign} is being written; this file is replaced by its real command. */
@Command(name = "assign", description = "(not yet available)")
public final class AssignCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'assign' is not available yet");
    }
}
