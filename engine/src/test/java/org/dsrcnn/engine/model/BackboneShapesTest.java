package org.dsrcnn.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.backbone.Fpn;
import org.dsrcnn.engine.model.backbone.ResNet;
import org.dsrcnn.engine.model.proposals.Staircase;
import org.junit.jupiter.api.Test;

/** Strides and channel counts of the backbone, FPN and staircase, as documented. */
class BackboneShapesTest {

    @Test
    void resNetAndFpnProduceStrides4To32WithTheDocumentedChannels() {
        for (int depth : new int[] {18, 50}) {
            DsrcnnConfig.Backbone b = new DsrcnnConfig.Backbone(depth, 8, "gn", 4, 16);
            ResNet resnet = new ResNet(b);
            int[] want = depth == 18 ? new int[] {8, 16, 32, 64} : new int[] {32, 64, 128, 256};
            assertArrayEquals(want, resnet.outChannels());
            Fpn fpn = new Fpn(resnet.outChannels(), 16);
            try (NDManager m = NDManager.newBaseManager()) {
                resnet.initialize(m);
                fpn.initialize(m);
                ParameterStore ps = new ParameterStore(m, false);
                NDArray x = m.randomNormal(new Shape(2, 3, 96, 64));
                NDArray[] c = resnet.forward(ps, x, false);
                NDArray[] p = fpn.forward(ps, c, false);
                for (int i = 0; i < 4; i++) {
                    int stride = 4 << i;
                    assertEquals(new Shape(2, want[i], 96 / stride, 64 / stride), c[i].getShape());
                    assertEquals(new Shape(2, 16, 96 / stride, 64 / stride), p[i].getShape());
                }
                Staircase stairs = new Staircase(16, 5, false);
                stairs.initialize(m);
                assertEquals(new Shape(2, 25), stairs.forward(ps, p, false).getShape());
            }
        }
    }

    /**
     * With identity laterals (1x1 eye), identity output convs (3x3 with only the centre tap = eye) and
     * zero biases, the FPN reduces to P5 = C5 and P_l = C_l + nearest_x2(P_(l+1)), computed here by
     * index arithmetic.
     */
    @Test
    void fpnTopDownPathIsNearestUpsamplingPlusLateral() {
        int ch = 3;
        int[] in = {ch, ch, ch, ch};
        Fpn fpn = new Fpn(in, ch);
        try (NDManager m = NDManager.newBaseManager()) {
            fpn.initialize(m);
            java.util.Map<String, ai.djl.nn.Parameter> named = new java.util.LinkedHashMap<>();
            fpn.collectParameters("", named);
            float[] eye1 = new float[ch * ch];
            float[] eye3 = new float[ch * ch * 9];
            for (int k = 0; k < ch; k++) {
                eye1[k * ch + k] = 1;
                eye3[(k * ch + k) * 9 + 4] = 1;
            }
            for (int l = 2; l <= 5; l++) {
                set(named.get("lateral" + l + ".weight"), m.create(eye1, new Shape(ch, ch, 1, 1)), m);
                set(named.get("output" + l + ".weight"), m.create(eye3, new Shape(ch, ch, 3, 3)), m);
                set(named.get("lateral" + l + ".bias"), m.zeros(new Shape(ch)), m);
                set(named.get("output" + l + ".bias"), m.zeros(new Shape(ch)), m);
            }
            float[][] c = new float[4][];
            NDArray[] cs = new NDArray[4];
            java.util.Random rnd = new java.util.Random(8);
            for (int i = 0; i < 4; i++) {
                int h = 16 >> i;
                c[i] = new float[ch * h * h];
                for (int k = 0; k < c[i].length; k++) {
                    c[i][k] = (float) rnd.nextGaussian();
                }
                cs[i] = m.create(c[i], new Shape(1, ch, h, h));
            }
            NDArray[] p = fpn.forward(new ParameterStore(m, false), cs, false);
            float[] want = c[3].clone();
            for (int i = 3; i >= 0; i--) {
                int h = 16 >> i;
                if (i < 3) {
                    float[] next = new float[ch * h * h];
                    for (int k = 0; k < ch; k++) {
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < h; x++) {
                                next[(k * h + y) * h + x] =
                                        c[i][(k * h + y) * h + x] + want[(k * (h / 2) + y / 2) * (h / 2) + x / 2];
                            }
                        }
                    }
                    want = next;
                }
                assertArrayEquals(want, p[i].toFloatArray(), 1e-5f, "P" + (i + 2));
            }
        }
    }

    private static void set(ai.djl.nn.Parameter p, NDArray v, NDManager m) {
        p.close();
        p.setInitializer((mm, s, t) -> v);
        p.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32);
    }
}
