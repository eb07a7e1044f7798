package org.dsrcnn.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    /** A 3-channel image whose every channel holds row-major {@code values} of size w x h. */
    private static FloatImage image(int w, int h, float... values) {
        float[] chw = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(values, 0, chw, c * w * h, w * h);
        }
        return new FloatImage(chw, w, h);
    }

    private static float[] channel0(FloatImage img) {
        float[] out = new float[img.width() * img.height()];
        System.arraycopy(img.chw(), 0, out, 0, out.length);
        return out;
    }

    @Test
    void sameSizeIsTheIdentity() {
        FloatImage img = image(2, 1, 3, 4);
        assertSame(img, Resampler.resize(img, 2, 1));
    }

    /**
     * Upscaling 2 -> 4 with pixel centres at i + 0.5: output centres sit at input coordinates .25,
     * .75, 1.25, 1.75. The first and last only reach one input (the other tap is outside and the rest
     * renormalised): 0 and 10; the middle two mix 3/4 and 1/4: 2.5 and 7.5.
     */
    @Test
    void upscalingIsBilinearWithHalfPixelCentres() {
        FloatImage out = Resampler.resize(image(2, 1, 0, 10), 4, 1);
        assertArrayEquals(new float[] {0, 2.5f, 7.5f, 10}, channel0(out), 1e-5f);
    }

    /**
     * Halving widens the triangle to radius 2 input pixels: output o is centred at input 2o + 1 and
     * weighs inputs 2o-1 .. 2o+2 by 1 - |d|/2 for d = -1.5, -.5, .5, 1.5: 1/4, 3/4, 3/4, 1/4,
     * normalised to 1/8, 3/8, 3/8, 1/8. Input 0 8 16 0 8 16 0 8: output 1 = 1/8*8 + 3/8*16 + 3/8*0 +
     * 1/8*8 = 8. At the left edge input -1 is missing: weights 3/4, 3/4, 1/4 -> 3/7, 3/7, 1/7: output
     * 0 = 3/7*0 + 3/7*8 + 1/7*16 = 40/7.
     */
    @Test
    void downscalingAveragesEveryInputPixel() {
        FloatImage out = Resampler.resize(image(8, 1, 0, 8, 16, 0, 8, 16, 0, 8), 4, 1);
        float[] v = channel0(out);
        assertEquals(40f / 7, v[0], 1e-5);
        assertEquals(8f, v[1], 1e-5);
        // output 2 centred at 5: inputs 3..6 = 0 8 16 0 -> 1/8*0 + 3/8*8 + 3/8*16 + 1/8*0 = 9
        assertEquals(9f, v[2], 1e-5);
    }

    /**
     * Constant images stay constant, and interior pixels of a linear ramp stay on the ramp: exactly
     * when enlarging (plain bilinear); when shrinking by a non-integer factor the widened triangle
     * sampled at unit spacing is not exactly symmetric about the centre, so the ramp may shift by a
     * few hundredths of an input pixel (as with PIL): allowed 0.05 px, i.e. 0.05 * (3 + 2) in value.
     */
    @Test
    void constantsAndLinearRampsArePreserved() {
        int w = 40;
        int h = 30;
        float[] ramp = new float[w * h];
        float[] flat = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ramp[y * w + x] = 3 * (x + 0.5f) + 2 * (y + 0.5f); // value = f(pixel centre)
                flat[y * w + x] = 77;
            }
        }
        for (int[] size : new int[][] {{17, 13}, {55, 71}, {40, 29}}) {
            FloatImage f = Resampler.resize(image(w, h, flat), size[0], size[1]);
            for (float v : f.chw()) {
                assertEquals(77, v, 1e-3);
            }
            FloatImage r = Resampler.resize(image(w, h, ramp), size[0], size[1]);
            double sx = (double) w / size[0];
            double sy = (double) h / size[1];
            for (int y = 3; y < size[1] - 3; y++) {
                for (int x = 3; x < size[0] - 3; x++) {
                    double expected = 3 * (x + 0.5) * sx + 2 * (y + 0.5) * sy;
                    double tol = sx > 1 || sy > 1 ? 0.05 * (3 + 2) : 1e-3;
                    assertEquals(expected, r.get(1, x, y), tol, "at " + x + "," + y + " size " + size[0]);
                }
            }
        }
    }
}
