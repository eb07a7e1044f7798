package org.dsrcnn.engine.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The constant operand must survive until backward: the gradient is computed after forcing the
 * garbage collector to run (which frees the direct buffers of closed DJL temporaries).
 */
class ScalarsTest {

    private static void churnAndCollect() {
        List<java.nio.ByteBuffer> garbage = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            garbage.add(java.nio.ByteBuffer.allocateDirect(1 << 16));
        }
        garbage.clear();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    @Test
    void gradientsThroughConstantsSurviveGarbageCollection() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, -2f, 4f});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // d/dx [3x + x/4 + max(x, 0) + min(x, 2) + x^2] = 3 + 0.25 + [x>0] + [x<2] + 2x
                NDArray y = Scalars.mul(x, 3f)
                        .add(Scalars.div(x, 4f))
                        .add(Scalars.maximum(x, 0f))
                        .add(Scalars.minimum(x, 2f))
                        .add(Scalars.pow(x, 2f));
                NDArray loss = y.sum();
                churnAndCollect();
                gc.backward(loss);
            }
            float[] expected = {
                3f + 0.25f + 1f + 1f + 2f, // x = 1
                3f + 0.25f + 0f + 1f - 4f, // x = -2
                3f + 0.25f + 1f + 0f + 8f // x = 4
            };
            assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void hostArraysOwnTheirMemory() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, 2f});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray w;
                try (NDManager scope = m.newSubManager()) {
                    w = HostArrays.owned(scope, new float[] {5f, 7f});
                    NDArray loss = x.mul(w).sum();
                    loss.attach(m);
                    scope.close();
                    churnAndCollect();
                    gc.backward(loss);
                }
            }
            assertArrayEquals(new float[] {5f, 7f}, x.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
