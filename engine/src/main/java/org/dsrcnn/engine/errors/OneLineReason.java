package org.dsrcnn.engine.errors;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The most useful one-line description of a failure. Java's file-system exceptions carry only the
 * path as their message ({@code /x/y/t.json}), which tells a user nothing about what went wrong, so
 * they are spelled out here; an {@link OutOfMemoryError} says which memory ran out.
 */
public final class OneLineReason {
    private OneLineReason() {}

    /** One line, never empty, never a stack trace. */
    public static String of(Throwable failure) {
        Throwable t = failure;
        // wrappers (ExecutionException, UncheckedIOException without a message of its own, ...)
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String text;
        if (t instanceof FileSystemException fs) {
            text = fileSystem(fs);
        } else if (t instanceof OutOfMemoryError oom) {
            text = "out of memory (" + (oom.getMessage() == null ? "no detail" : oom.getMessage())
                    + "); raise the heap with DSRCNN_XMX, or use smaller images or batches";
        } else if (t.getMessage() == null || t.getMessage().isBlank()) {
            text = t.getClass().getSimpleName();
        } else {
            text = t.getMessage();
        }
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse(t.getClass().getSimpleName());
        return first.strip();
    }

    private static String fileSystem(FileSystemException e) {
        String file = e.getFile() == null ? "(unknown path)" : e.getFile();
        String other = e.getOtherFile() == null ? "" : " -> " + e.getOtherFile();
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file or directory (a folder on the path may be missing)";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            why = "already exists";
        } else if (e instanceof NotDirectoryException) {
            why = "expected a directory, found a file";
        } else if (e instanceof DirectoryNotEmptyException) {
            why = "directory is not empty";
        } else {
            why = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
        }
        return file + other + ": " + why;
    }
}
