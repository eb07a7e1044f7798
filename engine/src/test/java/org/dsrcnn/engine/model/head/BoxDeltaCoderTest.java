package org.dsrcnn.engine.model.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Box decoding against a hand-worked case and round trips through the inverse written here. */
class BoxDeltaCoderTest {

    private static final List<Double> WEIGHTS = List.of(2.0, 2.0, 1.0, 1.0);
    private static final double CLAMP = Math.log(100000.0 / 16);

    private static float[] decode(float[] boxes, float[] deltas) {
        try (NDManager m = NDManager.newBaseManager()) {
            int r = boxes.length / 4;
            return new BoxDeltaCoder(WEIGHTS, CLAMP)
                    .decode(m.create(deltas, new Shape(r, 4)), m.create(boxes, new Shape(r, 4)))
                    .toFloatArray();
        }
    }

    @Test
    void handWorkedExample() {
        // box (10, 20, 50, 100): w 40, h 80, centre (30, 60)
        // deltas (2, -1, ln 2, 0): cx' = 2/2*40 + 30 = 70, cy' = -1/2*80 + 60 = 20, w' = 80, h' = 80
        float[] out = decode(new float[] {10, 20, 50, 100}, new float[] {2, -1, (float) Math.log(2), 0});
        assertEquals(30f, out[0], 1e-4);
        assertEquals(-20f, out[1], 1e-4);
        assertEquals(110f, out[2], 1e-4);
        assertEquals(60f, out[3], 1e-4);
    }

    /** Encode in the test by inverting the formula: d0 = wx (cx' - cx) / w, d2 = ww ln(w' / w). */
    @Test
    void roundTripsThroughTheInverse() {
        Random rnd = new Random(5);
        int n = 200;
        float[] boxes = new float[4 * n];
        float[] deltas = new float[4 * n];
        for (int i = 0; i < n; i++) {
            float x1 = rnd.nextFloat() * 500 - 50;
            float y1 = rnd.nextFloat() * 500 - 50;
            boxes[4 * i] = x1;
            boxes[4 * i + 1] = y1;
            boxes[4 * i + 2] = x1 + 1 + rnd.nextFloat() * 300;
            boxes[4 * i + 3] = y1 + 1 + rnd.nextFloat() * 300;
            for (int k = 0; k < 4; k++) {
                deltas[4 * i + k] = (float) (rnd.nextGaussian() * (k < 2 ? 1.0 : 0.5));
            }
        }
        float[] out = decode(boxes, deltas);
        for (int i = 0; i < n; i++) {
            double w = boxes[4 * i + 2] - boxes[4 * i];
            double h = boxes[4 * i + 3] - boxes[4 * i + 1];
            double cx = boxes[4 * i] + w / 2;
            double cy = boxes[4 * i + 1] + h / 2;
            double w2 = out[4 * i + 2] - out[4 * i];
            double h2 = out[4 * i + 3] - out[4 * i + 1];
            double cx2 = out[4 * i] + w2 / 2;
            double cy2 = out[4 * i + 1] + h2 / 2;
            assertEquals(deltas[4 * i], 2 * (cx2 - cx) / w, 1e-3);
            assertEquals(deltas[4 * i + 1], 2 * (cy2 - cy) / h, 1e-3);
            assertEquals(deltas[4 * i + 2], Math.log(w2 / w), 1e-3);
            assertEquals(deltas[4 * i + 3], Math.log(h2 / h), 1e-3);
        }
    }

    @Test
    void sizeDeltasAreClampedAboveOnly() {
        // w = h = 10; dw = 20 > clamp -> w' = 10 * 100000 / 16 = 62500; dh = -9 (< -clamp) is not clamped
        float[] out = decode(new float[] {0, 0, 10, 10}, new float[] {0, 0, 20, -9});
        assertEquals(62500.0, out[2] - out[0], 0.5);
        assertEquals(10 * Math.exp(-9), out[3] - out[1], 1e-6);
        assertEquals(5.0, (out[0] + out[2]) / 2, 1e-2);
    }

    @Test
    void rejectsBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> new BoxDeltaCoder(List.of(1.0, 1.0), CLAMP));
        assertThrows(IllegalArgumentException.class, () -> new BoxDeltaCoder(List.of(1.0, 0.0, 1.0, 1.0), CLAMP));
    }
}
