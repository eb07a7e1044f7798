package org.dsrcnn.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an output path before any work is done, so that a mistyped folder fails at once with what
 * was expected instead of after a long run with a bare path as the message.
 */
final class OutputPaths {
    private OutputPaths() {}

    /**
     * @param option the option naming the file, for the message (e.g. {@code --trace})
     * @throws IllegalArgumentException when the file cannot be written where it is asked for
     */
    static void requireFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a directory; expected a file name");
        }
        requireParent(option, file);
    }

    /** A directory to be created or replaced: its parent folder must exist, and it must not be a file. */
    static void requireDirectory(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is a file; expected a directory");
        }
        requireParent(option, dir);
    }

    /**
     * A directory a command fills from scratch (a model directory): refused when it already holds
     * something, unless the user said {@code --force}.
     */
    static void requireReplaceable(String option, Path dir, boolean force) throws java.io.IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) { // missing parents are created, as for any model
            throw new IllegalArgumentException(option + " " + dir + " is a file; expected a directory");
        }
        if (force || !Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException(option + " " + dir + " is not empty"
                        + (Files.isRegularFile(dir.resolve("model.json")) ? " (it holds a model)" : "")
                        + ": pass --force to replace it, or choose another " + option);
            }
        }
    }

    private static void requireParent(String option, Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " " + path + ": the folder " + parent
                    + (Files.exists(parent) ? " is a file" : " does not exist"));
        }
    }
}
