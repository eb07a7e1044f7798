package org.dsrcnn.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class SigmoidFocalLossTest {

    @Test
    void handWorkedValues() {
        double ln2 = Math.log(2);
        float ln3 = (float) Math.log(3);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0, 0, ln3, ln3, -100, 100, 100, -100});
            NDArray t = m.create(new float[] {1, 0, 1, 0, 0, 1, 0, 1});
            float[] got = SigmoidFocalLoss.elementwise(x, t, 0.25, 2).toFloatArray();
            // x = 0, p = 1/2, ce = ln 2 either way; t = 1: 0.25 * (1/2)^2 ln 2; t = 0: 0.75 * (1/2)^2 ln 2
            assertEquals(0.25 * 0.25 * ln2, got[0], 1e-7);
            assertEquals(0.75 * 0.25 * ln2, got[1], 1e-7);
            // x = ln 3, p = 3/4; t = 1: ce = ln(4/3), (1-p)^2 = 1/16; t = 0: ce = ln 4, p^2 = 9/16
            assertEquals(0.25 * Math.log(4.0 / 3) / 16, got[2], 1e-7);
            assertEquals(0.75 * Math.log(4) * 9 / 16, got[3], 1e-6);
            // saturated and right: ~0; saturated and wrong: 0.75 * 100 (resp. 0.25 * 100), finite
            assertEquals(0, got[4], 1e-7);
            assertEquals(0, got[5], 1e-7);
            assertEquals(0.75 * 100, got[6], 1e-3);
            assertEquals(0.25 * 100, got[7], 1e-3);
        }
    }

    @Test
    void otherGammaAndAlpha() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0f});
            NDArray t = m.create(new float[] {1f});
            // gamma 1, alpha 0.5 at p = 1/2: 0.5 * ln 2 * 0.5
            assertEquals(0.25 * Math.log(2), SigmoidFocalLoss.elementwise(x, t, 0.5, 1).getFloat(0), 1e-7);
        }
    }
}
