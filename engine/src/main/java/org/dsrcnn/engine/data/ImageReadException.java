package org.dsrcnn.engine.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file that cannot be used, with the file and the reason apart, so each caller can word the
 * one line its user reads ({@code file: reason} on the command line, "corrupt image NAME: reason"
 * in the app).
 */
public final class ImageReadException extends IOException {

    /** Why: the file's content, or the pixel-count policy ({@link ImagePolicy}). */
    public enum Kind { MISSING, CORRUPT, TOO_LARGE }

    private final Path file;
    private final String reason;
    private final Kind kind;

    ImageReadException(Path file, Kind kind, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.kind = kind;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** The reason without the file name. */
    public String reason() {
        return reason;
    }

    public Kind kind() {
        return kind;
    }
}
