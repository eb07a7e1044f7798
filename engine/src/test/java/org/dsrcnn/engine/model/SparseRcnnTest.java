package org.dsrcnn.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.junit.jupiter.api.Test;

/** The assembled detector on tiny shapes: outputs, DPG mixing, gradients, detaching. */
class SparseRcnnTest {

    private static final int SIZE = 64;

    @Test
    void outputsHaveTheDocumentedShapesAndDpgWeightsSumToOne() {
        DsrcnnConfig cfg = TinyModels.tiny("head.stages", "3");
        SparseRcnn model = new SparseRcnn(cfg);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            model.initialize(m);
            model.setTiming(true);
            SparseRcnnOutput out =
                    model.forward(new ParameterStore(m, false), TinyModels.images(m, 2, SIZE),
                            TinyModels.whwh(m, 2, 60, 50), false);
            assertEquals(3, out.stages().size());
            for (StageOutput s : out.stages()) {
                assertEquals(new Shape(2, 16, 3), s.logits().getShape());
                assertEquals(new Shape(2, 16, 4), s.boxes().getShape());
            }
            assertEquals(new Shape(2, 16, 4), out.proposalBoxes().getShape());
            assertEquals(new Shape(2, 16, 4), out.expertWeights().getShape());
            assertEquals(new Shape(2, 4, 16, 4), out.expertBoxes().getShape());
            float[] w = out.expertWeights().toFloatArray();
            for (int j = 0; j < w.length; j += 4) {
                assertEquals(1.0, w[j] + w[j + 1] + w[j + 2] + w[j + 3], 1e-5);
                for (int e = 0; e < 4; e++) {
                    assertTrue(w[j + e] > 0);
                }
            }
            // the mixed box is the weighted mean of the experts' boxes (xyxy is linear in cxcywh)
            float[] boxes = out.proposalBoxes().toFloatArray();
            float[] experts = out.expertBoxes().toFloatArray();
            for (int b = 0; b < 2; b++) {
                for (int j = 0; j < 16; j++) {
                    for (int k = 0; k < 4; k++) {
                        double want = 0;
                        for (int e = 0; e < 4; e++) {
                            want += w[(b * 16 + j) * 4 + e] * experts[((b * 4 + e) * 16 + j) * 4 + k];
                        }
                        assertEquals(want, boxes[(b * 16 + j) * 4 + k], 1e-3);
                    }
                }
            }
            for (String key : List.of("backbone", "proposals", "stage1", "stage2", "stage3", "total")) {
                assertTrue(out.timingsMs().get(key) >= 0, key);
            }
        }
    }

    @Test
    void nearZeroTemperatureSelectsOneExpertPerProposal() {
        SparseRcnn model = new SparseRcnn(TinyModels.tiny());
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            model.initialize(m);
            perturbWeightNet(model, m);
            model.setTemperature(1e-7);
            SparseRcnnOutput out =
                    model.forward(new ParameterStore(m, false), TinyModels.images(m, 2, SIZE),
                            TinyModels.whwh(m, 2, SIZE, SIZE), false);
            float[] w = out.expertWeights().toFloatArray();
            float[] boxes = out.proposalBoxes().toFloatArray();
            float[] experts = out.expertBoxes().toFloatArray();
            for (int p = 0; p < w.length / 4; p++) {
                int best = 0;
                float sum = 0;
                for (int e = 0; e < 4; e++) {
                    sum += w[4 * p + e];
                    if (w[4 * p + e] > w[4 * p + best]) {
                        best = e;
                    }
                }
                assertEquals(1.0, sum, 1e-5);
                assertEquals(1.0, w[4 * p + best], 1e-4, "one-hot at proposal " + p);
                int b = p / 16;
                int j = p % 16;
                for (int k = 0; k < 4; k++) {
                    assertEquals(experts[((b * 4 + best) * 16 + j) * 4 + k], boxes[4 * p + k], 1e-2);
                }
            }
            assertThrows(IllegalArgumentException.class, () -> model.setTemperature(0));
        }
    }

    @Test
    void everyTrainableParameterGetsAGradientWithDpgAndGroupNorm() {
        assertAllTrainableParametersGetGradients(TinyModels.tiny(), SIZE, false);
    }

    @Test
    void everyTrainableParameterGetsAGradientWithStaticProposalsAndBatchNorm() {
        // without the staircase, a level only gets gradient from boxes pooled there: the learned boxes
        // are set to sizes that the level rule sends to P2..P5 on a 512 px image
        assertAllTrainableParametersGetGradients(
                TinyModels.tiny("proposals.dynamic", "false", "backbone.norm", "bn"), 512, true);
    }

    @Test
    void everyTrainableParameterGetsAGradientWithBottlenecksAndFrozenBatchNorm() {
        assertAllTrainableParametersGetGradients(
                TinyModels.tiny("backbone.norm", "frozen_bn", "backbone.depth", "50"), SIZE, false);
    }

    private static void assertAllTrainableParametersGetGradients(DsrcnnConfig cfg, int size, boolean spreadBoxes) {
        SparseRcnn model = new SparseRcnn(cfg);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            model.initialize(m);
            model.setTemperature(5);
            perturbWeightNet(model, m);
            if (spreadBoxes) {
                // sides 0.1 .. 1.0 of the image: 51 px (P2), 154 px (P3), 256 px (P4), 512 px (P5)
                float[] v = new float[16 * 4];
                for (int j = 0; j < 16; j++) {
                    float side = 0.1f + 0.9f * j / 15;
                    v[4 * j] = 0.5f;
                    v[4 * j + 1] = 0.5f;
                    v[4 * j + 2] = side;
                    v[4 * j + 3] = side;
                }
                replace(model.namedParameters().get("proposals.boxes"), m.create(v, new Shape(16, 4)), m);
            }
            try (NDManager step = m.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                SparseRcnnOutput out =
                        model.forward(new ParameterStore(step, false), TinyModels.images(step, 1, size),
                                TinyModels.whwh(step, 1, size, size), true);
                gc.backward(TinyModels.standInLoss(out, size));
            }
            List<String> zero = new ArrayList<>();
            int trainable = 0;
            for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                Parameter p = e.getValue();
                if (!p.requiresGradient()) {
                    continue;
                }
                trainable++;
                NDArray g = p.getArray().getGradient();
                if (g.abs().sum().getFloat() == 0f) {
                    zero.add(e.getKey());
                }
            }
            assertTrue(trainable > 50);
            assertTrue(zero.isEmpty(), "parameters without gradient: " + zero);
        }
    }

    @Test
    void aFreshDpgModelMixesItsExpertsUniformly() {
        SparseRcnn model = new SparseRcnn(TinyModels.tiny());
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m);
            SparseRcnnOutput out = model.forward(new ParameterStore(m, false), TinyModels.images(m, 2, SIZE),
                    TinyModels.whwh(m, 2, SIZE, SIZE), false);
            for (float w : out.expertWeights().toFloatArray()) {
                assertEquals(0.25, w, 1e-7, "fc2 starts at zero: every logit is 0, softmax = 1/4");
            }
        }
    }

    /**
     * fc2 of the expert-weight network starts at zero (a uniform first mix), so before the first
     * update no gradient passes it and every image gets the same mix; this gives it small non-zero
     * weights, as after one update.
     */
    private static void perturbWeightNet(SparseRcnn model, NDManager m) {
        Parameter fc2 = model.namedParameters().get("proposals.weight_net.fc2.weight");
        if (fc2 != null) {
            replace(fc2, m.randomNormal(0f, 0.05f, fc2.getArray().getShape(), ai.djl.ndarray.types.DataType.FLOAT32), m);
        }
    }

    private static void replace(Parameter p, NDArray value, NDManager m) {
        p.close();
        p.setInitializer((mm, shape, type) -> value);
        p.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32);
    }

    @Test
    void boxesAreDetachedBetweenStagesButFeaturesAreNot() {
        SparseRcnn model = new SparseRcnn(TinyModels.tiny("proposals.dynamic", "false"));
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            model.initialize(m);
            try (NDManager step = m.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                SparseRcnnOutput out =
                        model.forward(new ParameterStore(step, false), TinyModels.images(step, 1, SIZE),
                                TinyModels.whwh(step, 1, SIZE, SIZE), true);
                gc.backward(out.stages().get(1).boxes().sum());
            }
            Map<String, Parameter> p = model.namedParameters();
            // stage-2 boxes = decode(stage-2 deltas, detached stage-1 boxes): no path to stage-1's deltas
            assertEquals(0f, grad(p, "head.stage1.bboxes_delta.weight"));
            assertEquals(0f, grad(p, "head.stage1.reg_tower.0.linear.weight"));
            assertEquals(0f, grad(p, "proposals.boxes"));
            // ... but stage-1 object features feed stage 2
            assertTrue(grad(p, "head.stage1.linear1.weight") > 0);
            assertTrue(grad(p, "head.stage1.dynamic_conv.dynamic_layer.weight") > 0);
            assertTrue(grad(p, "proposals.features") > 0);
        }
    }

    private static float grad(Map<String, Parameter> p, String name) {
        NDArray g = p.get(name).getArray().getGradient();
        return g.abs().sum().getFloat();
    }

    @Test
    void staticProposalsHaveNoExpertOutputsAndStartAtTheWholeImage() {
        SparseRcnn model =
                new SparseRcnn(TinyModels.tiny("proposals.dynamic", "false", "proposals.boxInit", "whole_image"));
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m);
            SparseRcnnOutput out =
                    model.forward(new ParameterStore(m, false), TinyModels.images(m, 2, SIZE),
                            TinyModels.whwh(m, 2, 60, 40), false);
            assertNull(out.expertWeights());
            assertNull(out.expertBoxes());
            assertNotNull(out.timingsMs());
            assertTrue(out.timingsMs().isEmpty());
            float[] boxes = out.proposalBoxes().toFloatArray();
            for (int i = 0; i < boxes.length; i += 4) {
                assertEquals(0f, boxes[i], 1e-5);
                assertEquals(0f, boxes[i + 1], 1e-5);
                assertEquals(60f, boxes[i + 2], 1e-4);
                assertEquals(40f, boxes[i + 3], 1e-4);
            }
            assertTrue(Double.isNaN(model.temperature()));
        }
    }

    /** New threads record autograd by default; predict must not, forward (training or not) does. */
    @Test
    void predictRecordsNoGraphEvenOnAFreshThread() throws Exception {
        SparseRcnn model = new SparseRcnn(TinyModels.tiny());
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m);
            boolean[] graph = new boolean[2];
            Thread t = new Thread(() -> {
                try (NDManager s = m.newSubManager()) {
                    ParameterStore ps = new ParameterStore(s, false);
                    NDArray img = TinyModels.images(s, 1, SIZE);
                    NDArray whwh = TinyModels.whwh(s, 1, SIZE, SIZE);
                    graph[0] = recorded(model.forward(ps, img, whwh, false).last().logits());
                    graph[1] = recorded(model.predict(ps, img, whwh).last().logits());
                }
            });
            t.start();
            t.join();
            assertTrue(graph[0], "a fresh thread records by default (else this test proves nothing)");
            assertFalse(graph[1]);
        }
    }

    /** Whether autograd recorded a graph behind {@code a}: a backward pass from it succeeds. */
    private static boolean recorded(NDArray a) {
        NDArray sum = a.sum();
        try {
            ai.djl.pytorch.jni.JniUtils.backward((ai.djl.pytorch.engine.PtNDArray) sum,
                    (ai.djl.pytorch.engine.PtNDArray) sum.onesLike(), false, false);
            return true;
        } catch (ai.djl.engine.EngineException e) {
            return false; // "element 0 of tensors does not require grad"
        }
    }

    @Test
    void badInputsFailWithOneLineMessages() {
        SparseRcnn model = new SparseRcnn(TinyModels.tiny());
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m);
            ParameterStore ps = new ParameterStore(m, false);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class,
                            () -> model.forward(ps, TinyModels.images(m, 1, 50), TinyModels.whwh(m, 1, 50, 50), false));
            assertTrue(e.getMessage().contains("multiples of 32"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> model.forward(ps, TinyModels.images(m, 2, SIZE), TinyModels.whwh(m, 1, 5, 5), false));
        }
        assertThrows(IllegalArgumentException.class, () -> new SparseRcnn(TinyModels.tiny("head.hiddenDim", "48")));
        assertThrows(IllegalArgumentException.class, () -> new SparseRcnn(TinyModels.tiny("backbone.depth", "20")));
        assertThrows(IllegalArgumentException.class, () -> new SparseRcnn(TinyModels.tiny("backbone.norm", "ln")));
    }
}
