package org.dsrcnn.engine.model.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Self-attention and DynamicConv against scalar re-implementations of the PyTorch modules written
 * here from their definitions (loops over heads, proposals, bins), reading the same parameters.
 */
class HeadLayersTest {

    private static Map<String, float[]> values(org.dsrcnn.engine.model.layers.Module module) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        module.collectParameters("", named);
        Map<String, float[]> v = new LinkedHashMap<>();
        named.forEach((k, p) -> v.put(k, p.getArray().toFloatArray()));
        return v;
    }

    /** y = W x + b, W (out, in) row-major. */
    private static double[] linear(float[] w, float[] b, double[] x, int out) {
        int in = x.length;
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = b == null ? 0 : b[o];
            for (int i = 0; i < in; i++) {
                s += w[o * in + i] * x[i];
            }
            y[o] = s;
        }
        return y;
    }

    private static double[] layerNorm(double[] x, float[] g, float[] b) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) / Math.sqrt(var + 1e-5) * g[i] + b[i];
        }
        return y;
    }

    private static float[] randomArray(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    @Test
    void selfAttentionMatchesPerHeadScalarAttentionWithinEachImage() {
        int batch = 2;
        int n = 5;
        int dim = 8;
        int heads = 2;
        int hd = dim / heads;
        Random rnd = new Random(7);
        MultiHeadSelfAttention mha = new MultiHeadSelfAttention(dim, heads);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            mha.initialize(m);
            // non-zero biases so their placement is checked too
            Map<String, Parameter> named = new LinkedHashMap<>();
            mha.collectParameters("", named);
            set(named.get("in_proj_bias"), m.create(randomArray(rnd, 3 * dim)), m);
            set(named.get("out_proj.bias"), m.create(randomArray(rnd, dim)), m);
            float[] x = randomArray(rnd, batch * n * dim);
            float[] got =
                    mha.forward(new ParameterStore(m, false), m.create(x, new Shape(batch, n, dim)), false)
                            .toFloatArray();
            Map<String, float[]> p = values(mha);
            for (int b = 0; b < batch; b++) {
                double[][] q = new double[n][];
                double[][] k = new double[n][];
                double[][] v = new double[n][];
                for (int i = 0; i < n; i++) {
                    double[] xi = new double[dim];
                    for (int c = 0; c < dim; c++) {
                        xi[c] = x[(b * n + i) * dim + c];
                    }
                    double[] qkv = linear(p.get("in_proj_weight"), p.get("in_proj_bias"), xi, 3 * dim);
                    q[i] = java.util.Arrays.copyOfRange(qkv, 0, dim);
                    k[i] = java.util.Arrays.copyOfRange(qkv, dim, 2 * dim);
                    v[i] = java.util.Arrays.copyOfRange(qkv, 2 * dim, 3 * dim);
                }
                for (int i = 0; i < n; i++) {
                    double[] concat = new double[dim];
                    for (int h = 0; h < heads; h++) {
                        double[] score = new double[n];
                        double max = Double.NEGATIVE_INFINITY;
                        for (int j = 0; j < n; j++) {
                            double s = 0;
                            for (int d = 0; d < hd; d++) {
                                s += q[i][h * hd + d] * k[j][h * hd + d];
                            }
                            score[j] = s / Math.sqrt(hd);
                            max = Math.max(max, score[j]);
                        }
                        double z = 0;
                        for (int j = 0; j < n; j++) {
                            score[j] = Math.exp(score[j] - max);
                            z += score[j];
                        }
                        for (int d = 0; d < hd; d++) {
                            double s = 0;
                            for (int j = 0; j < n; j++) {
                                s += score[j] / z * v[j][h * hd + d];
                            }
                            concat[h * hd + d] = s;
                        }
                    }
                    double[] want = linear(p.get("out_proj.weight"), p.get("out_proj.bias"), concat, dim);
                    for (int c = 0; c < dim; c++) {
                        assertEquals(want[c], got[(b * n + i) * dim + c], 1e-4, "b" + b + " i" + i + " c" + c);
                    }
                }
            }
        }
    }

    private static void set(Parameter p, NDArray value, NDManager m) {
        p.close();
        p.setInitializer((mm, s, t) -> value);
        p.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32);
    }

    @Test
    void dynamicConvMatchesScalarDefinitionIncludingSplitAndFlattenOrder() {
        int r = 3;
        int dim = 6;
        int dd = 2;
        int bins = 4;
        Random rnd = new Random(9);
        DynamicConv dc = new DynamicConv(dim, dd, 2, bins);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            dc.initialize(m);
            Map<String, Parameter> named = new LinkedHashMap<>();
            dc.collectParameters("", named);
            // non-trivial norms so that the norm placement matters
            for (String n : new String[] {"norm1", "norm2", "norm3"}) {
                int len = (int) named.get(n + ".weight").getShape().get(0);
                set(named.get(n + ".weight"), m.create(randomArray(rnd, len)), m);
                set(named.get(n + ".bias"), m.create(randomArray(rnd, len)), m);
            }
            float[] feat = randomArray(rnd, r * dim);
            float[] roi = randomArray(rnd, r * bins * dim);
            float[] got =
                    dc.forward(new ParameterStore(m, false), m.create(feat, new Shape(r, dim)),
                                    m.create(roi, new Shape(r, bins, dim)), false)
                            .toFloatArray();
            Map<String, float[]> p = values(dc);
            for (int i = 0; i < r; i++) {
                double[] f = new double[dim];
                for (int c = 0; c < dim; c++) {
                    f[c] = feat[i * dim + c];
                }
                double[] params = linear(p.get("dynamic_layer.weight"), p.get("dynamic_layer.bias"), f, 2 * dim * dd);
                double[] flat = new double[bins * dim];
                for (int s = 0; s < bins; s++) {
                    double[] h = new double[dd];
                    for (int e = 0; e < dd; e++) {
                        for (int c = 0; c < dim; c++) {
                            h[e] += roi[(i * bins + s) * dim + c] * params[c * dd + e]; // P1 (C, D)
                        }
                    }
                    h = relu(layerNorm(h, p.get("norm1.weight"), p.get("norm1.bias")));
                    double[] o = new double[dim];
                    for (int c = 0; c < dim; c++) {
                        for (int e = 0; e < dd; e++) {
                            o[c] += h[e] * params[dim * dd + e * dim + c]; // P2 (D, C)
                        }
                    }
                    o = relu(layerNorm(o, p.get("norm2.weight"), p.get("norm2.bias")));
                    for (int c = 0; c < dim; c++) {
                        flat[s * dim + c] = o[c]; // spatial-major, channel-minor
                    }
                }
                double[] out = relu(layerNorm(linear(p.get("out_layer.weight"), p.get("out_layer.bias"), flat, dim),
                        p.get("norm3.weight"), p.get("norm3.bias")));
                for (int c = 0; c < dim; c++) {
                    assertEquals(out[c], got[i * dim + c], 1e-4, "proposal " + i + " channel " + c);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new DynamicConv(6, 2, 3, 4));
    }

    private static double[] relu(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(0, x[i]);
        }
        return y;
    }
}
