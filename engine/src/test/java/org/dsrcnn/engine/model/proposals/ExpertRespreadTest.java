package org.dsrcnn.engine.model.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.dsrcnn.engine.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExpertRespread}: the restarted experts are the trained model's proposals, jittered. The
 * expected base is what the trained model itself outputs as its stage-0 boxes on a blank image
 * (xyxy pixels, converted back to normalised cxcywh here), not the class's own weighted sum; the
 * trained model's mix is made far from uniform first (each proposal j favours expert j mod 4).
 */
class ExpertRespreadTest {

    private static final int SIDE = 64;
    private static final int N = 10;
    private static final int EXPERTS = 4;

    private static DsrcnnConfig tiny() {
        DsrcnnConfig c = Presets.load("small");
        for (String o : List.of("input.testShortSide=64", "input.testMaxSize=64", "proposals.count=10", "head.stages=2")) {
            int eq = o.indexOf('=');
            c = Presets.with(c, o.substring(0, eq), o.substring(eq + 1));
        }
        return c;
    }

    /** A random tiny DPG model whose proposal j weights expert j mod 4 by ~0.95, saved in {@code dir}. */
    private static void saveTrained(Path dir, NDManager m) throws Exception {
        Engine.getInstance().setRandomSeed(3);
        SparseRcnn model = new SparseRcnn(tiny());
        model.initialize(m);
        float[] bias = new float[N * EXPERTS]; // logits read as (N, Ne)
        for (int j = 0; j < N; j++) {
            bias[j * EXPERTS + j % EXPERTS] = 4f;
        }
        model.namedParameters().get("proposals.weight_net.fc2.bias").getArray().set(bias);
        ModelFiles.save(model, Collections.nCopies(8, "c"), Map.of(), dir);
    }

    /** Stage-0 boxes of {@code model} on {@code image}, (N, 4) normalised cxcywh. */
    private static float[] proposalsCxcywh(SparseRcnn model, NDArray image, NDManager m) {
        NDArray whwh = m.create(new float[] {SIDE, SIDE, SIDE, SIDE}, new Shape(1, 4));
        float[] xyxy = model.predict(new ParameterStore(m, false), image, whwh).proposalBoxes().toFloatArray();
        float[] out = new float[N * 4];
        for (int j = 0; j < N; j++) {
            float x0 = xyxy[4 * j], y0 = xyxy[4 * j + 1], x1 = xyxy[4 * j + 2], y1 = xyxy[4 * j + 3];
            out[4 * j] = (x0 + x1) / 2 / SIDE;
            out[4 * j + 1] = (y0 + y1) / 2 / SIDE;
            out[4 * j + 2] = (x1 - x0) / SIDE;
            out[4 * j + 3] = (y1 - y0) / SIDE;
        }
        return out;
    }

    private static float[] trainedBase(Path dir, NDManager m) {
        SparseRcnn trained = ModelFiles.load(dir, m).model();
        return proposalsCxcywh(trained, m.zeros(new Shape(1, 3, SIDE, SIDE)), m);
    }

    private static SparseRcnn fresh(NDManager m) {
        Engine.getInstance().setRandomSeed(11);
        SparseRcnn model = new SparseRcnn(tiny());
        model.initialize(m);
        return model;
    }

    @Test
    void withoutJitterEveryMixOfTheNewExpertsIsTheTrainedModelsProposalOnABlankImage(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            saveTrained(dir, m);
            float[] base = trainedBase(dir, m);
            SparseRcnn model = fresh(m);
            ExpertRespread.apply(model, dir, 0, m);
            // any image, any mix: identical experts give the same proposals
            float[] onNoise = proposalsCxcywh(model, m.randomNormal(new Shape(1, 3, SIDE, SIDE)), m);
            for (int k = 0; k < base.length; k++) {
                assertEquals(base[k], onNoise[k], 1e-5, "proposal " + k / 4 + " coordinate " + k % 4);
            }
            float[] f = model.namedParameters().get(ExpertRespread.FEATURES).getArray().toFloatArray();
            int perExpert = f.length / EXPERTS;
            for (int k = 0; k < perExpert; k++) {
                for (int e = 1; e < EXPERTS; e++) {
                    assertEquals(f[k], f[e * perExpert + k], 0f, "feature " + k + " of expert " + e);
                }
            }
        }
    }

    @Test
    void jitteredExpertsStayWithinTheJitterOfTheBaseAndDifferFromEachOther(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            saveTrained(dir, m);
            float[] base = trainedBase(dir, m);
            SparseRcnn model = fresh(m);
            ExpertRespread.apply(model, dir, 0.1, m);
            float[] boxes = model.namedParameters().get(ExpertRespread.BOXES).getArray().toFloatArray(); // (Ne, N, 4)
            double largest = 0;
            double sum = 0;
            for (int e = 0; e < EXPERTS; e++) {
                for (int k = 0; k < N * 4; k++) {
                    float v = boxes[e * N * 4 + k];
                    double lo = Math.max(k % 4 >= 2 ? 0.02 : 0, base[k] - 0.1);
                    double hi = Math.min(1, base[k] + 0.1);
                    assertTrue(v >= lo - 1e-5 && v <= hi + 1e-5, "expert " + e + " value " + k + ": " + v
                            + " outside [" + lo + ", " + hi + "]");
                    largest = Math.max(largest, Math.abs(v - base[k]));
                    sum += v - base[k];
                }
            }
            // 160 draws of U(-0.1, 0.1): the largest is above 0.08 with probability 1 - 0.9^160
            assertTrue(largest > 0.08, "largest offset " + largest);
            assertTrue(Math.abs(sum / (EXPERTS * N * 4)) < 0.03, "mean offset " + sum / (EXPERTS * N * 4));
        }
    }

    @Test
    void respreadWithoutInitIsRefusedInOneLine(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingRun.Options(
                tiny(), dir, dir.resolve("run"), false, 0, null, List.of(), 0.1, Map.of(), false));
        assertEquals("--respread-experts needs --init M (the experts are copies of its proposals)", e.getMessage());
    }
}
