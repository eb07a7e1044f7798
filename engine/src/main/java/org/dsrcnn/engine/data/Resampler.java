package org.dsrcnn.engine.data;

/**
 * Resizes planar float images with a separable triangle (bilinear) filter whose support widens by
 * the downscale factor, so that shrinking averages every input pixel instead of skipping some (the
 * scheme of PIL's antialiased bilinear resize, which detectron2's ResizeShortestEdge uses).
 * Pixel centres sit at i + 0.5 (align_corners = false); near the borders the weights that fall
 * outside the image are dropped and the rest renormalised.
 */
public final class Resampler {

    private Resampler() {}

    /**
     * @param image (3, H, W)
     * @return (3, outHeight, outWidth); the same object when the size does not change
     */
    public static FloatImage resize(FloatImage image, int outWidth, int outHeight) {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + outWidth + "x" + outHeight);
        }
        if (outWidth == image.width() && outHeight == image.height()) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        Taps horizontal = taps(w, outWidth);
        Taps vertical = taps(h, outHeight);
        float[] src = image.chw();
        float[] mid = new float[3 * h * outWidth];
        float[] out = new float[3 * outHeight * outWidth];
        for (int c = 0; c < 3; c++) {
            int srcPlane = c * h * w;
            int midPlane = c * h * outWidth;
            for (int y = 0; y < h; y++) {
                int srcRow = srcPlane + y * w;
                int midRow = midPlane + y * outWidth;
                for (int o = 0; o < outWidth; o++) {
                    float[] wt = horizontal.weights[o];
                    int first = horizontal.first[o];
                    float sum = 0;
                    for (int k = 0; k < wt.length; k++) {
                        sum += wt[k] * src[srcRow + first + k];
                    }
                    mid[midRow + o] = sum;
                }
            }
            int outPlane = c * outHeight * outWidth;
            for (int o = 0; o < outHeight; o++) {
                float[] wt = vertical.weights[o];
                int first = vertical.first[o];
                int outRow = outPlane + o * outWidth;
                for (int k = 0; k < wt.length; k++) {
                    int midRow = midPlane + (first + k) * outWidth;
                    float weight = wt[k];
                    for (int x = 0; x < outWidth; x++) {
                        out[outRow + x] += weight * mid[midRow + x];
                    }
                }
            }
        }
        return new FloatImage(out, outWidth, outHeight);
    }

    /** Per output index: the first input index and the normalised weights of the inputs from there. */
    private record Taps(int[] first, float[][] weights) {}

    private static Taps taps(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filterScale; // the triangle's radius 1, widened when shrinking
        int[] first = new int[outSize];
        float[][] weights = new float[outSize][];
        for (int o = 0; o < outSize; o++) {
            double center = (o + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(center - support));
            int hi = Math.min(inSize - 1, (int) Math.ceil(center + support));
            double[] wt = new double[hi - lo + 1];
            double total = 0;
            for (int i = lo; i <= hi; i++) {
                double d = Math.abs(i + 0.5 - center) / filterScale;
                double v = d < 1 ? 1 - d : 0;
                wt[i - lo] = v;
                total += v;
            }
            // trim zero weights at both ends
            int a = 0;
            int b = wt.length - 1;
            while (a < b && wt[a] == 0) {
                a++;
            }
            while (b > a && wt[b] == 0) {
                b--;
            }
            float[] kept = new float[b - a + 1];
            for (int k = a; k <= b; k++) {
                kept[k - a] = (float) (wt[k] / total);
            }
            first[o] = lo + a;
            weights[o] = kept;
        }
        return new Taps(first, weights);
    }
}
