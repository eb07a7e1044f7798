package org.dsrcnn.engine.data;

/**
 * An RGB image as planar floats: {@code chw[c * height * width + y * width + x]}, channel order R,
 * G, B. Values are 0..255 until normalized.
 *
 * @param chw (3, height, width) row-major
 * @param width width in pixels
 * @param height height in pixels
 */
public record FloatImage(float[] chw, int width, int height) {

    public FloatImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (chw.length != 3L * width * height) {
            throw new IllegalArgumentException(
                    "expected 3*" + height + "*" + width + " values, got " + chw.length);
        }
    }

    /** The value of channel c at (x, y). */
    public float get(int c, int x, int y) {
        return chw[(c * height + y) * width + x];
    }
}
