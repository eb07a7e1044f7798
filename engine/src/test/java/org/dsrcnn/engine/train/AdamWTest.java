package org.dsrcnn.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.junit.jupiter.api.Test;

class AdamWTest {

    private static DsrcnnConfig.Solver solver() {
        DsrcnnConfig c = Presets.with(Presets.load("small"), "solver.weightDecay", "0.01");
        return c.solver(); // betas 0.9 / 0.999
    }

    /** Sets the gradient of w to g by back-propagating sum(w * g). */
    private static void backward(NDArray w, float[] g) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = w.mul(w.getManager().create(g)).sum();
            gc.backward(loss);
        }
    }

    @Test
    void firstTwoStepsMatchHandComputedAdamW() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            NDArray w = m.create(new float[] {1.0f, -2.0f});
            w.setRequiresGradient(true);
            p.setArray(w);
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("w", p);
            try (AdamW opt = new AdamW(solver(), m)) {
                backward(w, new float[] {0.5f, 0.1f});
                opt.step(params, 0.1, 1.0);
                // step 1: decay w *= 1 - 0.1*0.01 -> (0.999, -1.998); m = 0.1 g; v = 0.001 g^2;
                // lr * sqrt(1-0.999)/(1-0.9) * m / sqrt(v) = 0.1 * 0.316228 * 3.162278 = 0.1 for both
                assertArrayEquals(new float[] {0.899f, -2.098f}, w.toFloatArray(), 1e-5f);
                assertEquals(1, opt.steps());

                // step 2 with gradient (0.5, 0.1) again (the gradient is replaced, not accumulated,
                // because the test zeroes it first)
                ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) w);
                backward(w, new float[] {0.5f, 0.1f});
                opt.step(params, 0.1, 0.5); // gradient halved by the clip factor
                double[] g = {0.25, 0.05};
                double[] w1 = {0.899, -2.098};
                double[] m1 = {0.05, 0.01};
                double[] v1 = {0.001 * 0.25, 0.001 * 0.01};
                float[] expected = new float[2];
                double corr = Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
                for (int i = 0; i < 2; i++) {
                    double wd = w1[i] * (1 - 0.1 * 0.01);
                    double m2 = 0.9 * m1[i] + 0.1 * g[i];
                    double v2 = 0.999 * v1[i] + 0.001 * g[i] * g[i];
                    expected[i] = (float) (wd - 0.1 * corr * m2 / (Math.sqrt(v2) + 1e-8));
                }
                assertArrayEquals(expected, w.toFloatArray(), 1e-5f);
                assertEquals(2, opt.state().size());
            }
        }
    }

    @Test
    void globalNormIsTheNormOfAllGradientsConcatenated() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, Parameter> params = new LinkedHashMap<>();
            float[][] grads = {{3f, 0f}, {0f, 4f, 12f}};
            for (int i = 0; i < 2; i++) {
                Parameter p = Parameter.builder().setName("p" + i).setType(Parameter.Type.WEIGHT).build();
                NDArray w = m.ones(new Shape(grads[i].length));
                w.setRequiresGradient(true);
                p.setArray(w);
                backward(w, grads[i]);
                params.put("p" + i, p);
            }
            // sqrt(9 + 16 + 144) = 13
            assertEquals(13.0, GradientClipper.globalNorm(params), 1e-5);
            assertEquals(1.0 / (13.0 + 1e-6), GradientClipper.scale(13.0, 1.0), 1e-9);
            assertEquals(1.0, GradientClipper.scale(0.5, 1.0));
        }
    }
}
