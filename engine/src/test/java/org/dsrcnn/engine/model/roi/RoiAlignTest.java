package org.dsrcnn.engine.model.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RoIAlign against values derived without it: exact bilinear sampling of linear maps, and a
 * brute-force scalar transcription of torchvision's roi_align (aligned=True) for boxes that leave
 * the image, including the gradient that reaches the feature maps.
 */
class RoiAlignTest {

    private static final int S = 7;
    private static final int G = 2;
    private static final int IMG = 640; // P2..P5 = 160, 80, 40, 20

    /** Level chosen by the rule for a square box of side {@code side}: worked out by hand. */
    @Test
    void levelRuleMatchesHandValues() {
        LevelAssigner a = new LevelAssigner(2, 5);
        assertEquals(2, a.level(0, 0, 60, 60)); // 4 + log2(60/224) = 2.1 -> 2
        assertEquals(2, a.level(0, 0, 10, 10)); // 4 + log2(0.045) = -0.5 -> clamp 2
        assertEquals(3, a.level(0, 0, 112, 112)); // exactly 3 (log2 0.5 = -1)
        assertEquals(3, a.level(0, 0, 150, 150)); // 3.42
        assertEquals(4, a.level(0, 0, 224, 224));
        assertEquals(4, a.level(0, 0, 300, 300)); // 4.42
        assertEquals(5, a.level(0, 0, 500, 500)); // 5.16
        assertEquals(5, a.level(0, 0, 1100, 1100)); // 6.3 -> clamp 5
        assertEquals(2, a.level(10, 10, 5, 50)); // negative area -> finest level
    }

    /**
     * f(c, y, x) = a_c x + b_c y + d_c on every level (map coordinates). For boxes whose samples stay
     * inside [0, H-1], bilinear sampling is exact, so a bin equals f at the mean of its 2x2 sample
     * points: x = x1/s - 0.5 + (j + 0.5) * w/(7 s), likewise y.
     */
    @Test
    void linearMapsArePooledExactlyOnEveryLevel() {
        float[][] boxes = {
            {100, 120, 160, 170}, // sqrt(area) 54.8 -> P2
            {200, 40, 350, 190}, // 150 -> P3
            {50, 300, 350, 600}, // 300 -> P4
            {64, 64, 564, 564}, // 500 -> P5
        };
        int[] expectedLevel = {2, 3, 4, 5};
        double[] a = {1.5, -0.25, 0.0};
        double[] b = {0.5, 2.0, -1.0};
        double[] d = {3.0, -7.0, 0.125};
        int c = a.length;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] levels = new NDArray[4];
            for (int l = 0; l < 4; l++) {
                int h = IMG >> (l + 2);
                float[] v = new float[c * h * h];
                for (int ch = 0; ch < c; ch++) {
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < h; x++) {
                            v[(ch * h + y) * h + x] = (float) (a[ch] * x + b[ch] * y + d[ch]);
                        }
                    }
                }
                levels[l] = m.create(v, new Shape(1, c, h, h));
            }
            FeaturePyramid pyramid = FeaturePyramid.of(levels, 2);
            LevelAssigner assigner = new LevelAssigner(2, 5);
            float[] flat = new float[boxes.length * 4];
            for (int r = 0; r < boxes.length; r++) {
                System.arraycopy(boxes[r], 0, flat, 4 * r, 4);
                assertEquals(expectedLevel[r], assigner.level(boxes[r][0], boxes[r][1], boxes[r][2], boxes[r][3]));
            }
            NDArray pooled =
                    new RoiAlign(S, G, assigner)
                            .pool(pyramid, m.create(flat, new Shape(1, boxes.length, 4)));
            assertEquals(new Shape(boxes.length, S * S, c), pooled.getShape());
            float[] out = pooled.toFloatArray();
            for (int r = 0; r < boxes.length; r++) {
                double s = 1 << expectedLevel[r];
                double bw = (boxes[r][2] - boxes[r][0]) / s / S;
                double bh = (boxes[r][3] - boxes[r][1]) / s / S;
                for (int i = 0; i < S; i++) {
                    for (int j = 0; j < S; j++) {
                        double x = boxes[r][0] / s - 0.5 + (j + 0.5) * bw;
                        double y = boxes[r][1] / s - 0.5 + (i + 0.5) * bh;
                        for (int ch = 0; ch < c; ch++) {
                            double want = a[ch] * x + b[ch] * y + d[ch];
                            double got = out[(r * S * S + i * S + j) * c + ch];
                            assertEquals(want, got, 1e-4, "box " + r + " bin " + i + "," + j + " ch " + ch);
                        }
                    }
                }
            }
        }
    }

    /**
     * Random features, two images, boxes inside, straddling every border, fully outside, tiny and
     * inverted: compared with a scalar transcription of torchvision's CPU kernel. Also the gradient
     * of sum(pooled * G) w.r.t. the maps against the brute-force adjoint.
     */
    @Test
    void matchesBruteForceTorchvisionSemanticsIncludingOutsideBoxesAndGradient() {
        Random rnd = new Random(11);
        int batch = 2;
        int c = 3;
        int img = 128; // P2..P5 = 32, 16, 8, 4
        float[][] boxList = {
            {-30, -20, 40, 50}, // straddles top-left (P2)
            {100, 90, 170, 160}, // straddles bottom-right
            {-200, 10, -150, 60}, // fully left of the image: all zeros
            {60, 60, 61, 61.5f}, // tiny
            {-60, -60, 190, 200}, // larger than the image (P4)
            {20, 30, 10, 40}, // inverted x: negative bins
            {5, 5, 127, 127}, // whole image, P3
            {0, 0, 128, 128}, // exactly whole image
        };
        int perImage = boxList.length / batch;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] levels = new NDArray[4];
            float[][] values = new float[4][];
            for (int l = 0; l < 4; l++) {
                int h = img >> (l + 2);
                values[l] = new float[batch * c * h * h];
                for (int k = 0; k < values[l].length; k++) {
                    values[l][k] = (float) rnd.nextGaussian();
                }
                levels[l] = m.create(values[l], new Shape(batch, c, h, h));
                levels[l].setRequiresGradient(true);
            }
            float[] flat = new float[boxList.length * 4];
            for (int r = 0; r < boxList.length; r++) {
                System.arraycopy(boxList[r], 0, flat, 4 * r, 4);
            }
            LevelAssigner assigner = new LevelAssigner(2, 5);
            float[] upstream = new float[boxList.length * S * S * c];
            for (int k = 0; k < upstream.length; k++) {
                upstream[k] = (float) rnd.nextGaussian();
            }
            float[] got;
            float[][] grads = new float[4][];
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                FeaturePyramid pyramid = FeaturePyramid.of(levels, 2);
                NDArray pooled =
                        new RoiAlign(S, G, assigner).pool(pyramid, m.create(flat, new Shape(batch, perImage, 4)));
                got = pooled.toFloatArray();
                gc.backward(pooled.mul(m.create(upstream, pooled.getShape())).sum());
                for (int l = 0; l < 4; l++) {
                    grads[l] = levels[l].getGradient().toFloatArray();
                }
            }
            double[][] wantGrad = new double[4][];
            for (int l = 0; l < 4; l++) {
                wantGrad[l] = new double[values[l].length];
            }
            for (int r = 0; r < boxList.length; r++) {
                float[] bx = boxList[r];
                int lvl = assigner.level(bx[0], bx[1], bx[2], bx[3]);
                int l = lvl - 2;
                int h = img >> lvl;
                for (int ch = 0; ch < c; ch++) {
                    for (int i = 0; i < S; i++) {
                        for (int j = 0; j < S; j++) {
                            int outIdx = ((r * S * S) + i * S + j) * c + ch;
                            double want =
                                    BruteRoiAlign.bin(values[l], r / perImage, ch, c, h, h, bx, 1.0 / (1 << lvl), i, j,
                                            S, G, upstream[outIdx], wantGrad[l]);
                            assertEquals(want, got[outIdx], 1e-5, "box " + r + " bin " + i + "," + j);
                        }
                    }
                }
            }
            for (int l = 0; l < 4; l++) {
                for (int k = 0; k < wantGrad[l].length; k++) {
                    assertEquals(wantGrad[l][k], grads[l][k], 1e-5, "grad level " + (l + 2) + " @" + k);
                }
            }
        }
    }

    /**
     * Scalar transcription of torchvision's {@code roi_align_forward_kernel_impl} /
     * {@code bilinear_interpolate} (aligned=True), plus the matching backward scatter.
     */
    static final class BruteRoiAlign {
        static double bin(float[] f, int b, int ch, int channels, int height, int width, float[] box,
                double scale, int ph, int pw, int pooled, int grid, double upstream, double[] grad) {
            double startW = box[0] * scale - 0.5;
            double startH = box[1] * scale - 0.5;
            double endW = box[2] * scale - 0.5;
            double endH = box[3] * scale - 0.5;
            double binW = (endW - startW) / pooled;
            double binH = (endH - startH) / pooled;
            double count = grid * grid;
            double sum = 0;
            int base = (b * channels + ch) * height * width;
            for (int iy = 0; iy < grid; iy++) {
                double y = startH + ph * binH + (iy + 0.5) * binH / grid;
                for (int ix = 0; ix < grid; ix++) {
                    double x = startW + pw * binW + (ix + 0.5) * binW / grid;
                    if (y < -1.0 || y > height || x < -1.0 || x > width) {
                        continue;
                    }
                    double yy = Math.max(y, 0);
                    double xx = Math.max(x, 0);
                    int yLow = (int) yy;
                    int xLow = (int) xx;
                    int yHigh;
                    int xHigh;
                    if (yLow >= height - 1) {
                        yHigh = yLow = height - 1;
                        yy = yLow;
                    } else {
                        yHigh = yLow + 1;
                    }
                    if (xLow >= width - 1) {
                        xHigh = xLow = width - 1;
                        xx = xLow;
                    } else {
                        xHigh = xLow + 1;
                    }
                    double ly = yy - yLow;
                    double lx = xx - xLow;
                    double hy = 1 - ly;
                    double hx = 1 - lx;
                    int[] at = {yLow * width + xLow, yLow * width + xHigh, yHigh * width + xLow, yHigh * width + xHigh};
                    double[] w = {hy * hx, hy * lx, ly * hx, ly * lx};
                    for (int k = 0; k < 4; k++) {
                        sum += w[k] * f[base + at[k]];
                        grad[base + at[k]] += upstream * w[k] / count;
                    }
                }
            }
            return sum / count;
        }
    }
}
