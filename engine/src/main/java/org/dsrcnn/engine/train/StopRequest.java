package org.dsrcnn.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a run should stop at the end of the current iteration: the file {@code RUN/STOP} appeared, or
 * something in the process asked (the command line's shutdown hook on SIGTERM or Ctrl-C). The loop
 * polls it once per iteration, so a step is never cut in half.
 */
public final class StopRequest {

    /** The file whose appearance asks a trainer to stop. */
    public static final String FILE = "STOP";

    private final Path stopFile;
    private volatile String requested;

    StopRequest(Path runDir) {
        this.stopFile = runDir.resolve(FILE);
    }

    /** Asks the run to stop after the current step (callable from any thread). */
    public void request(String why) {
        if (requested == null) {
            requested = why;
        }
    }

    /** The reason to stop now, if there is one (checks the STOP file). */
    Optional<String> poll() {
        String why = requested;
        if (why != null) {
            return Optional.of(why);
        }
        if (Files.exists(stopFile)) {
            requested = "stopped by " + stopFile.getFileName() + " file";
            return Optional.of(requested);
        }
        return Optional.empty();
    }

    /** Removes the STOP file once it has been obeyed, so the next sitting does not stop at once. */
    void consume() throws IOException {
        Files.deleteIfExists(stopFile);
    }
}
