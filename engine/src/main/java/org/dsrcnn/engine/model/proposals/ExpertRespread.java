package org.dsrcnn.engine.model.proposals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.SparseRcnnOutput;
import org.dsrcnn.engine.model.io.LoadedModel;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.dsrcnn.engine.ndarray.HostArrays;

/**
 * Restarts the DPG experts of a model that is fine-tuned from a trained one: every expert of
 * proposal j becomes a jittered copy of the proposal j the trained model produces, so the detector
 * starts from the proposals its heads were trained on, while no expert is the one they were
 * trained on (a departure from the paper, which trains from scratch; why, in docs/training.md: with
 * only the expert-weight network re-initialised, fine-tuning learned the old one-hot picks back).
 *
 * <pre>
 *   base_j      = sum_e W0[j, e] expert_boxes0[e, j]      (W0: the trained model's mix on a blank image)
 *   box[e, j]   = clamp(base_j + U(-jitter, jitter))       normalised cxcywh; centres in [0, 1], sizes in [0.02, 1]
 *   feat[e, j]  = basefeat_j + N(0, (jitter * s)^2)        s = standard deviation of all basefeat values
 * </pre>
 *
 * A blank image is the input whose every pixel is the config's pixel mean (all zeros after
 * normalisation), at the test size. For a model whose mix does not depend on the image (the one
 * shipped before the DPG fix) the base is exactly its proposal set on every image.
 */
public final class ExpertRespread {

    static final String BOXES = "proposals.expert_boxes";
    static final String FEATURES = "proposals.expert_features";
    private static final float MIN_SIZE = 0.02f;

    private ExpertRespread() {}

    /**
     * Sets {@code model}'s expert boxes and features from the proposals of the trained model in
     * {@code trainedDir}, jittered. Draws come from the engine's generator (seedable).
     *
     * @param model a DPG model with as many proposals and as wide proposal features as the trained one
     * @param jitter box jitter in image units (e.g. 0.1), and feature jitter in standard deviations
     * @throws IllegalArgumentException when either model has no experts or their sizes differ
     */
    public static void apply(SparseRcnn model, Path trainedDir, double jitter, NDManager manager) {
        if (!(jitter >= 0) || jitter > 1) {
            throw new IllegalArgumentException("expert jitter must be in [0, 1], got " + jitter);
        }
        Map<String, Parameter> params = model.namedParameters();
        if (!params.containsKey(BOXES)) {
            throw new IllegalArgumentException("--respread-experts needs a model with dynamic proposals");
        }
        Shape boxShape = params.get(BOXES).getShape(); // (Ne, N, 4)
        Shape featShape = params.get(FEATURES).getShape(); // (Ne, N, C)
        try (NDManager scratch = manager.newSubManager()) {
            Base base = trainedProposals(trainedDir, scratch);
            int experts = (int) boxShape.get(0);
            int n = (int) boxShape.get(1);
            int c = (int) featShape.get(2);
            if (base.boxes.length != n * 4 || base.features.length != n * c) {
                throw new IllegalArgumentException("--respread-experts: " + trainedDir + " has "
                        + base.boxes.length / 4 + " proposals of width " + base.features.length / (base.boxes.length / 4)
                        + ", the new model " + n + " of width " + c);
            }
            float[] boxes = jitteredBoxes(base.boxes, experts, (float) jitter, scratch);
            float[] features = jitteredFeatures(base.features, experts, (float) (jitter * std(base.features)), scratch);
            Map<String, NDArray> values = new LinkedHashMap<>();
            params.forEach((name, p) -> values.put(name, p.getArray()));
            values.put(BOXES, HostArrays.owned(scratch, boxes, boxShape));
            values.put(FEATURES, HostArrays.owned(scratch, features, featShape));
            model.setParameterValues(values, manager);
        }
    }

    /** The trained model's proposal j, (N, 4) normalised cxcywh and (N, C), flattened. */
    private record Base(float[] boxes, float[] features) {}

    private static Base trainedProposals(Path dir, NDManager m) {
        LoadedModel trained = ModelFiles.load(dir, m);
        SparseRcnn model = trained.model();
        Map<String, Parameter> params = model.namedParameters();
        if (!params.containsKey(BOXES)) {
            throw new IllegalArgumentException("--respread-experts: " + dir + " has no dynamic proposals");
        }
        DsrcnnConfig.Input input = model.config().input();
        int div = input.sizeDivisibility();
        int side = (input.testShortSide() + div - 1) / div * div;
        NDArray image = m.zeros(new Shape(1, 3, side, side));
        NDArray whwh = m.create(new float[] {side, side, side, side}, new Shape(1, 4));
        SparseRcnnOutput out = model.predict(new ParameterStore(m, false), image, whwh);
        float[] w = out.expertWeights().toFloatArray(); // (1, N, Ne)
        float[] eb = params.get(BOXES).getArray().toFloatArray(); // (Ne, N, 4)
        float[] ef = params.get(FEATURES).getArray().toFloatArray(); // (Ne, N, C)
        Shape fs = params.get(FEATURES).getShape();
        int experts = (int) fs.get(0);
        int n = (int) fs.get(1);
        int c = (int) fs.get(2);
        float[] boxes = new float[n * 4];
        float[] features = new float[n * c];
        for (int j = 0; j < n; j++) {
            for (int e = 0; e < experts; e++) {
                float weight = w[j * experts + e];
                for (int k = 0; k < 4; k++) {
                    boxes[j * 4 + k] += weight * eb[(e * n + j) * 4 + k];
                }
                for (int k = 0; k < c; k++) {
                    features[j * c + k] += weight * ef[(e * n + j) * c + k];
                }
            }
        }
        return new Base(boxes, features);
    }

    /** (N*4) base -> (Ne*N*4): every expert the base plus its own U(-jitter, jitter), clamped. */
    static float[] jitteredBoxes(float[] base, int experts, float jitter, NDManager m) {
        float[] noise = uniform(m, experts * base.length, jitter);
        float[] out = new float[noise.length];
        for (int k = 0; k < out.length; k++) {
            float v = base[k % base.length] + noise[k];
            out[k] = Math.min(1f, Math.max(k % 4 >= 2 ? MIN_SIZE : 0f, v));
        }
        return out;
    }

    /** (N*C) base -> (Ne*N*C): every expert the base plus its own N(0, sigma^2). */
    static float[] jitteredFeatures(float[] base, int experts, float sigma, NDManager m) {
        float[] out = new float[experts * base.length];
        float[] noise = new float[out.length];
        if (sigma > 0) {
            try (NDArray r = m.randomNormal(0f, sigma, new Shape(out.length), ai.djl.ndarray.types.DataType.FLOAT32)) {
                noise = r.toFloatArray();
            }
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = base[k % base.length] + noise[k];
        }
        return out;
    }

    private static float[] uniform(NDManager m, int count, float bound) {
        if (bound == 0) {
            return new float[count];
        }
        try (NDArray r = m.randomUniform(-bound, bound, new Shape(count))) {
            return r.toFloatArray();
        }
    }

    private static double std(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (float v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / x.length);
    }
}
