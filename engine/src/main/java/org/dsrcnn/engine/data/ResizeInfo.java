package org.dsrcnn.engine.data;

/**
 * How an original image became the network input: resized by (scaleX, scaleY), then mirrored left
 * to right when {@code flipped}. Maps boxes both ways; boxes are xyxy in continuous pixel
 * coordinates (pixel i covers [i, i+1)), so a mirror maps x to {@code width - x}.
 *
 * @param originalWidth original image width in pixels
 * @param originalHeight original image height in pixels
 * @param inputWidth network input width (unpadded)
 * @param inputHeight network input height (unpadded)
 * @param scaleX inputWidth / originalWidth
 * @param scaleY inputHeight / originalHeight
 * @param flipped mirrored horizontally (after the resize)
 */
public record ResizeInfo(
        int originalWidth, int originalHeight, int inputWidth, int inputHeight, double scaleX, double scaleY,
        boolean flipped) {

    /** The transform that resizes (w, h) to (newW, newH), optionally mirrored. */
    public static ResizeInfo of(int w, int h, int newW, int newH, boolean flipped) {
        return new ResizeInfo(w, h, newW, newH, (double) newW / w, (double) newH / h, flipped);
    }

    /**
     * Original-image box to input box.
     *
     * @param xyxy (4) xyxy original pixels
     * @return (4) xyxy input pixels (not clipped)
     */
    public float[] toInput(float[] xyxy) {
        double x1 = xyxy[0] * scaleX;
        double x2 = xyxy[2] * scaleX;
        if (flipped) {
            double t = inputWidth - x2;
            x2 = inputWidth - x1;
            x1 = t;
        }
        return new float[] {(float) x1, (float) (xyxy[1] * scaleY), (float) x2, (float) (xyxy[3] * scaleY)};
    }

    /**
     * Input box to original-image box: how predictions are mapped back for display and evaluation.
     *
     * @param xyxy (4) xyxy input pixels
     * @return (4) xyxy original pixels (not clipped)
     */
    public float[] toOriginal(float[] xyxy) {
        double x1 = xyxy[0];
        double x2 = xyxy[2];
        if (flipped) {
            double t = inputWidth - x2;
            x2 = inputWidth - x1;
            x1 = t;
        }
        return new float[] {(float) (x1 / scaleX), (float) (xyxy[1] / scaleY), (float) (x2 / scaleX),
            (float) (xyxy[3] / scaleY)};
    }

    /** {@link #toOriginal} clipped to the original image. */
    public float[] toOriginalClipped(float[] xyxy) {
        float[] b = toOriginal(xyxy);
        b[0] = clamp(b[0], originalWidth);
        b[1] = clamp(b[1], originalHeight);
        b[2] = clamp(b[2], originalWidth);
        b[3] = clamp(b[3], originalHeight);
        return b;
    }

    private static float clamp(float v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
