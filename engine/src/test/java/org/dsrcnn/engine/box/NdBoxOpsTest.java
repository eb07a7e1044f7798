package org.dsrcnn.engine.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NdBoxOpsTest {

    private static float[][] randomBoxes(Random r, int n) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            float x = r.nextFloat() * 50;
            float y = r.nextFloat() * 50;
            // some zero-size boxes on purpose
            float w = r.nextInt(10) == 0 ? 0 : r.nextFloat() * 30;
            float h = r.nextFloat() * 30;
            out[i] = new float[] {x, y, x + w, y + h};
        }
        return out;
    }

    private static float[] flat(float[][] boxes) {
        float[] f = new float[boxes.length * 4];
        for (int i = 0; i < boxes.length; i++) {
            System.arraycopy(boxes[i], 0, f, 4 * i, 4);
        }
        return f;
    }

    @Test
    void pairedAndPairwiseAgreeWithPlainArrays() {
        Random r = new Random(3);
        float[][] a = randomBoxes(r, 12);
        float[][] b = randomBoxes(r, 12);
        float[][] c = randomBoxes(r, 7);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray na = m.create(flat(a), new Shape(12, 4));
            NDArray nb = m.create(flat(b), new Shape(12, 4));
            NDArray nc = m.create(flat(c), new Shape(7, 4));
            float[] giou = NdBoxOps.pairedGiou(na, nb).toFloatArray();
            float[] iou = NdBoxOps.pairedIou(na, nb).toFloatArray();
            for (int i = 0; i < 12; i++) {
                assertEquals(BoxOps.giou(a[i], b[i]), giou[i], 1e-5, "giou " + i);
                assertEquals(BoxOps.iou(a[i], b[i]), iou[i], 1e-5, "iou " + i);
            }
            float[] all = NdBoxOps.pairwiseIou(na, nc).toFloatArray();
            float[] allG = NdBoxOps.pairwiseGiou(na, nc).toFloatArray();
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 7; j++) {
                    assertEquals(BoxOps.iou(a[i], c[j]), all[i * 7 + j], 1e-5);
                    assertEquals(BoxOps.giou(a[i], c[j]), allG[i * 7 + j], 1e-5);
                }
            }
        }
    }

    @Test
    void identicalPointsGiveZeroNotNaN() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {1, 1, 1, 1}, new Shape(1, 4));
            assertEquals(0f, NdBoxOps.pairedGiou(p, p).getFloat(0));
            assertEquals(0f, NdBoxOps.pairedIou(p, p).getFloat(0));
        }
    }

    @Test
    void conversionsRoundTrip() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray cxcywh = m.create(new float[] {0.5f, 0.5f, 1, 1, 30, 60, 40, 80}, new Shape(2, 4));
            NDArray xyxy = NdBoxOps.cxcywhToXyxy(cxcywh);
            assertArrayEquals(new float[] {0, 0, 1, 1, 10, 20, 50, 100}, xyxy.toFloatArray(), 1e-6f);
            assertArrayEquals(cxcywh.toFloatArray(), NdBoxOps.xyxyToCxcywh(xyxy).toFloatArray(), 1e-6f);
            NDArray whwh = m.create(new float[] {100, 200, 100, 200});
            assertArrayEquals(new float[] {0, 0, 0.01f, 0.005f, 0.1f, 0.1f, 0.5f, 0.5f},
                    NdBoxOps.normalize(xyxy, whwh).toFloatArray(), 1e-7f);
        }
    }

    @Test
    void giouGradientMatchesFiniteDifferences() {
        float[] a = {1, 2, 6, 7};
        float[] b = {3, 1, 9, 5};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray na = m.create(a, new Shape(1, 4));
            na.setRequiresGradient(true);
            NDArray nb = m.create(b, new Shape(1, 4));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(NdBoxOps.pairedGiou(na, nb).sum());
            }
            float[] grad = na.getGradient().toFloatArray();
            for (int k = 0; k < 4; k++) {
                float[] plus = a.clone();
                float[] minus = a.clone();
                plus[k] += 1e-3f;
                minus[k] -= 1e-3f;
                double numeric = (BoxOps.giou(plus, b) - BoxOps.giou(minus, b)) / 2e-3;
                assertEquals(numeric, grad[k], 1e-3, "d giou / d a[" + k + "]");
            }
        }
    }
}
