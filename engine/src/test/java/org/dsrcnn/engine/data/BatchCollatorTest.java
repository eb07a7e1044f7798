package org.dsrcnn.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCollatorTest {

    /** A prepared image whose value at (c, y, x) is 1 + c*10000 + y*100 + x: every position is distinct. */
    private static PreparedImage image(long id, int w, int h) {
        float[] chw = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    chw[(c * h + y) * w + x] = 1 + c * 10000 + y * 100 + x;
                }
            }
        }
        ImageTargets t = new ImageTargets(new float[][] {{1, 2, 3, 4}}, new int[] {(int) id}, w, h);
        return new PreparedImage(id, chw, w, h, t, ResizeInfo.of(w, h, w, h, false));
    }

    @Test
    void padsToTheLargestSizeRoundedToTheDivisibility() {
        try (NDManager m = NDManager.newBaseManager()) {
            // largest height 64, largest width 70 -> padded 64 x 96 with divisibility 32
            try (Batch b = BatchCollator.collate(List.of(image(7, 70, 50), image(8, 33, 64)), m, 32)) {
                assertEquals(new Shape(2, 3, 64, 96), b.images().getShape());
                assertEquals(new Shape(2, 4), b.imageWhwh().getShape());
                assertArrayEquals(new float[] {70, 50, 70, 50, 33, 64, 33, 64}, b.imageWhwh().toFloatArray());
                assertArrayEquals(new long[] {7, 8}, b.imageIds());
                assertEquals(8, b.targets().get(1).labels()[0]);
                float[] v = b.images().toFloatArray();
                for (int i = 0; i < 2; i++) {
                    int w = i == 0 ? 70 : 33;
                    int h = i == 0 ? 50 : 64;
                    for (int c = 0; c < 3; c++) {
                        for (int y = 0; y < 64; y++) {
                            for (int x = 0; x < 96; x++) {
                                float expected = y < h && x < w ? 1 + c * 10000 + y * 100 + x : 0;
                                assertEquals(expected, v[((i * 3 + c) * 64 + y) * 96 + x], "at " + i + "," + c + "," + y + "," + x);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void exactMultiplesAreNotPaddedFurther() {
        assertEquals(64, BatchCollator.roundUp(64, 32));
        assertEquals(65, BatchCollator.roundUp(65, 1));
        assertEquals(96, BatchCollator.roundUp(65, 32));
        try (NDManager m = NDManager.newBaseManager(); Batch b = BatchCollator.collate(List.of(image(1, 64, 32)), m, 32)) {
            assertEquals(new Shape(1, 3, 32, 64), b.images().getShape());
        }
    }
}
