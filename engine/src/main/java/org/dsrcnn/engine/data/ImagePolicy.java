package org.dsrcnn.engine.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The largest image this program decodes, checked from the file's header before any pixel is
 * allocated: a 20000 x 20000 PNG would need 1.2 GB of bytes and 4.8 GB of floats, and would end the
 * process in an out-of-memory error (or, on the data loader's thread, hang training). The limit is a
 * pixel count, {@value #DEFAULT_MAX_PIXELS} (8192 x 8192) unless the system property
 * {@value #PROPERTY} says otherwise; the model itself never sees more than its test size, so nothing
 * a real photo needs is refused.
 */
public final class ImagePolicy {

    public static final String PROPERTY = "dsrcnn.maxImagePixels";
    public static final long DEFAULT_MAX_PIXELS = 8192L * 8192L;

    private ImagePolicy() {}

    /** The limit in pixels (width x height). */
    public static long maxPixels() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_PIXELS;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the one-line error
        }
        throw new IllegalArgumentException("-D" + PROPERTY + " must be a positive number of pixels, got '" + value + "'");
    }

    /**
     * Refuses a size beyond the limit {@code max} (from {@link #maxPixels}), or without pixels.
     *
     * @throws ImageReadException naming the size and the limit
     */
    static void check(Path file, long width, long height, long max) throws ImageReadException {
        if (width < 1 || height < 1) {
            throw new ImageReadException(file, ImageReadException.Kind.CORRUPT,
                    "image header says " + width + "x" + height + " pixels", null);
        }
        if (width * height > max) {
            throw new ImageReadException(file, ImageReadException.Kind.TOO_LARGE, String.format(Locale.ROOT,
                    "image is %dx%d (%.1f megapixels), more than the limit of %.1f megapixels; "
                            + "raise it with -D%s=N, e.g. in DSRCNN_JAVA_OPTS", width, height, width * height / 1e6,
                    max / 1e6, PROPERTY), null);
        }
    }
}
