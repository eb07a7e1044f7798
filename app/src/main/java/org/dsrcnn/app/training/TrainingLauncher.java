package org.dsrcnn.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts {@code dsrcnn} commands as separate processes, so that a crash of training never takes
 * the window down and a run started here looks like one started in a terminal.
 */
public interface TrainingLauncher {

    /** The exact command line that {@link #start} runs for these {@code dsrcnn} arguments. */
    List<String> commandLine(List<String> dsrcnnArgs);

    /**
     * Starts the command; its standard output and error are appended to {@code log}.
     *
     * @return the started process
     */
    Process start(List<String> dsrcnnArgs, Path log) throws IOException;
}
