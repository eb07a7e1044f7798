package org.dsrcnn.engine.model.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The resize matrices against hand values and the engine's own bilinear upsampling. */
class BilinearResizeTest {

    @Test
    void handValues() {
        // 2 -> 4: sources max(0, (o + 0.5) / 2 - 0.5) = 0, 0.25, 0.75, 1.25 (last pixel repeats)
        float[] m = BilinearResize.matrix(2, 4);
        float[][] want = {{1, 0}, {0.75f, 0.25f}, {0.25f, 0.75f}, {0, 1}};
        for (int o = 0; o < 4; o++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(want[o][i], m[o * 2 + i], 1e-6);
            }
        }
        // 4 -> 2: sources 0.5 and 2.5
        float[] d = BilinearResize.matrix(4, 2);
        assertEquals(0.5f, d[0], 1e-6);
        assertEquals(0.5f, d[1], 1e-6);
        assertEquals(0.5f, d[4 + 2], 1e-6);
        assertEquals(0.5f, d[4 + 3], 1e-6);
        // 3 -> 3 is the identity
        float[] id = BilinearResize.matrix(3, 3);
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(o == i ? 1f : 0f, id[o * 3 + i], 1e-6);
            }
        }
    }

    /** Upsampling (where antialiasing does not apply) agrees with PyTorch's upsample_bilinear2d. */
    @Test
    void matchesEngineBilinearWhenUpsampling() {
        Random rnd = new Random(3);
        float[] v = new float[2 * 5 * 7];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(v, new Shape(2, 5, 7));
            float[] ours = BilinearResize.resize(x, 12, 9).toFloatArray();
            float[] engine =
                    x.expandDims(1).getNDArrayInternal().interpolation(new long[] {12, 9}, 1, false).toFloatArray();
            for (int i = 0; i < ours.length; i++) {
                assertEquals(engine[i], ours[i], 1e-5);
            }
        }
    }
}
