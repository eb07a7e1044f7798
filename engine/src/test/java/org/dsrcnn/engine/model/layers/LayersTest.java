package org.dsrcnn.engine.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Norms, convolutions and initialisers against their definitions, computed by hand here. */
class LayersTest {

    private static final int B = 2;
    private static final int C = 6;
    private static final int H = 3;
    private static final int W = 4;

    private static float[] random(Random rnd, int n, double scale, double shift) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextGaussian() * scale + shift);
        }
        return a;
    }

    private static void set(Parameter p, NDArray value, NDManager m) {
        p.close();
        p.setInitializer((mm, s, t) -> value);
        p.initialize(m, DataType.FLOAT32);
    }

    private static Map<String, Parameter> params(Module module) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        module.collectParameters("", named);
        return named;
    }

    @Test
    void groupNormNormalisesEachGroupOfEachSampleThenAppliesPerChannelAffine() {
        int groups = 3;
        Random rnd = new Random(1);
        float[] x = random(rnd, B * C * H * W, 3, 2);
        float[] gamma = random(rnd, C, 1, 0);
        float[] beta = random(rnd, C, 1, 0);
        GroupNorm2d gn = new GroupNorm2d(C, groups);
        try (NDManager m = NDManager.newBaseManager()) {
            gn.initialize(m);
            set(params(gn).get("weight"), m.create(gamma), m);
            set(params(gn).get("bias"), m.create(beta), m);
            float[] got = gn.forward(new ParameterStore(m, false), m.create(x, new Shape(B, C, H, W)), true)
                    .toFloatArray();
            int per = C / groups * H * W;
            for (int b = 0; b < B; b++) {
                for (int g = 0; g < groups; g++) {
                    int start = (b * C + g * (C / groups)) * H * W;
                    double mean = 0;
                    for (int k = 0; k < per; k++) {
                        mean += x[start + k];
                    }
                    mean /= per;
                    double var = 0;
                    for (int k = 0; k < per; k++) {
                        var += (x[start + k] - mean) * (x[start + k] - mean);
                    }
                    var /= per;
                    for (int k = 0; k < per; k++) {
                        int c = g * (C / groups) + k / (H * W);
                        double want = (x[start + k] - mean) / Math.sqrt(var + 1e-5) * gamma[c] + beta[c];
                        assertEquals(want, got[start + k], 1e-4);
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new GroupNorm2d(6, 4));
    }

    @Test
    void frozenBatchNormIsAFixedAffineMapAndNotTrainable() {
        Random rnd = new Random(2);
        float[] x = random(rnd, B * C * H * W, 2, 1);
        float[] mean = random(rnd, C, 1, 0);
        float[] var = new float[C];
        for (int c = 0; c < C; c++) {
            var[c] = 0.5f + c;
        }
        float[] gamma = random(rnd, C, 1, 0);
        float[] beta = random(rnd, C, 1, 0);
        FrozenBatchNorm2d bn = new FrozenBatchNorm2d(C);
        try (NDManager m = NDManager.newBaseManager()) {
            bn.initialize(m);
            Map<String, Parameter> p = params(bn);
            set(p.get("weight"), m.create(gamma), m);
            set(p.get("bias"), m.create(beta), m);
            set(p.get("running_mean"), m.create(mean), m);
            set(p.get("running_var"), m.create(var), m);
            for (Parameter q : p.values()) {
                assertFalse(q.requiresGradient());
            }
            // training = true must not switch to batch statistics
            float[] got = bn.forward(new ParameterStore(m, false), m.create(x, new Shape(B, C, H, W)), true)
                    .toFloatArray();
            for (int i = 0; i < x.length; i++) {
                int c = (i / (H * W)) % C;
                double want = (x[i] - mean[c]) / Math.sqrt(var[c] + 1e-5) * gamma[c] + beta[c];
                assertEquals(want, got[i], 1e-4);
            }
            assertEquals(mean[0], p.get("running_mean").getArray().toFloatArray()[0]);
        }
    }

    @Test
    void batchNormUsesBatchStatisticsWhileTrainingAndUpdatesRunningOnes() {
        Random rnd = new Random(3);
        float[] x = random(rnd, B * C * H * W, 2, 3);
        BatchNorm2d bn = new BatchNorm2d(C);
        try (NDManager m = NDManager.newBaseManager()) {
            bn.initialize(m);
            float[] got = bn.forward(new ParameterStore(m, false), m.create(x, new Shape(B, C, H, W)), true)
                    .toFloatArray();
            int n = B * H * W;
            float[] runningMean = params(bn).get("running_mean").getArray().toFloatArray();
            float[] runningVar = params(bn).get("running_var").getArray().toFloatArray();
            for (int c = 0; c < C; c++) {
                double mean = 0;
                for (int b = 0; b < B; b++) {
                    for (int k = 0; k < H * W; k++) {
                        mean += x[(b * C + c) * H * W + k];
                    }
                }
                mean /= n;
                double ss = 0;
                for (int b = 0; b < B; b++) {
                    for (int k = 0; k < H * W; k++) {
                        double d = x[(b * C + c) * H * W + k] - mean;
                        ss += d * d;
                    }
                }
                for (int b = 0; b < B; b++) {
                    for (int k = 0; k < H * W; k++) {
                        int i = (b * C + c) * H * W + k;
                        assertEquals((x[i] - mean) / Math.sqrt(ss / n + 1e-5), got[i], 1e-4);
                    }
                }
                // PyTorch momentum 0.1, unbiased variance for the running estimate
                assertEquals(0.1 * mean, runningMean[c], 1e-4);
                assertEquals(0.9 + 0.1 * ss / (n - 1), runningVar[c], 1e-4);
            }
            assertTrue(params(bn).get("weight").requiresGradient());
            assertFalse(params(bn).get("running_var").requiresGradient());
        }
    }

    /** Strided 1x1 convs are computed by subsampling first; check against the definition. */
    @Test
    void strided1x1ConvolutionMatchesDefinitionAndBackpropagatesAt512Channels() {
        Random rnd = new Random(4);
        int in = 3;
        int out = 2;
        int size = 5;
        float[] x = random(rnd, in * size * size, 1, 0);
        Conv2dLayer conv = new Conv2dLayer(in, out, 1, 2, 0, 1, Initializers.xavierUniform(), Initializers.uniform(1));
        try (NDManager m = NDManager.newBaseManager()) {
            conv.initialize(m);
            float[] w = params(conv).get("weight").getArray().toFloatArray();
            float[] bias = params(conv).get("bias").getArray().toFloatArray();
            NDArray y = conv.forward(new ParameterStore(m, false), m.create(x, new Shape(1, in, size, size)), false);
            assertEquals(new Shape(1, out, 3, 3), y.getShape());
            float[] got = y.toFloatArray();
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        double s = bias[o];
                        for (int c = 0; c < in; c++) {
                            s += w[o * in + c] * x[(c * size + 2 * i) * size + 2 * j];
                        }
                        assertEquals(s, got[(o * 3 + i) * 3 + j], 1e-5);
                    }
                }
            }
        }
        // the shape that crashes oneDNN's strided 1x1 backward-data kernel (SIGFPE) when not subsampled
        Conv2dLayer big = new Conv2dLayer(512, 1024, 1, 2, 0, 1, Initializers.msraFill(), null);
        try (NDManager m = NDManager.newBaseManager()) {
            big.initialize(m);
            NDArray input = m.randomNormal(new Shape(1, 512, 16, 16));
            input.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(big.forward(new ParameterStore(m, false), input, true).sum());
            }
            assertEquals(new Shape(1, 512, 16, 16), input.getGradient().getShape());
            // only every other pixel feeds a strided 1x1 conv
            assertEquals(0f, input.getGradient().get(":, :, 1, :").abs().sum().getFloat());
        }
    }

    @Test
    void initialisersDrawWithinPyTorchBounds() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            Shape s = new Shape(200, 50, 3, 3); // fan_in 450, fan_out 1800
            float[] xav = Initializers.xavierUniform().initialize(m, s, DataType.FLOAT32).toFloatArray();
            checkUniform(xav, Math.sqrt(6.0 / (450 + 1800)));
            float[] lin = Initializers.kaimingUniform(Math.sqrt(5)).initialize(m, s, DataType.FLOAT32).toFloatArray();
            checkUniform(lin, 1 / Math.sqrt(450));
            float[] c2 = Initializers.kaimingUniform(1).initialize(m, s, DataType.FLOAT32).toFloatArray();
            checkUniform(c2, Math.sqrt(3.0 / 450));
            float[] msra = Initializers.msraFill().initialize(m, s, DataType.FLOAT32).toFloatArray();
            double var = 0;
            for (float v : msra) {
                var += v * v;
            }
            assertEquals(2.0 / 1800, var / msra.length, 0.05 * 2.0 / 1800);
        }
    }

    private static void checkUniform(float[] v, double bound) {
        double max = 0;
        for (float f : v) {
            max = Math.max(max, Math.abs(f));
        }
        assertTrue(max <= bound + 1e-7, "max " + max + " bound " + bound);
        assertTrue(max > 0.99 * bound, "max " + max + " bound " + bound);
    }

    @Test
    void modulesNameParametersByPathAndInlineUnnamedChildren() {
        class Pair extends Module {
            Pair() {
                register("", new LinearLayer(2, 3, true));
                register("norm", new LayerNormLayer(3));
            }
        }
        class Outer extends Module {
            Outer() {
                register("a", new Pair());
                register("b", new Conv2dLayer(1, 1, 3, 1, 1, 1, Initializers.xavierUniform(), null));
            }
        }
        Map<String, Parameter> named = params(new Outer());
        assertEquals(List.of("a.weight", "a.bias", "a.norm.weight", "a.norm.bias", "b.weight"),
                List.copyOf(named.keySet()));
        assertEquals(new Shape(3, 2), named.get("a.weight").getShape());
    }
}
