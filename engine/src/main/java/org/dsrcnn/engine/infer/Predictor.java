package org.dsrcnn.engine.infer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.data.Batch;
import org.dsrcnn.engine.data.BatchCollator;
import org.dsrcnn.engine.data.ImagePreprocessor;
import org.dsrcnn.engine.data.PreparedImage;
import org.dsrcnn.engine.data.ResizeInfo;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.SparseRcnnOutput;
import org.dsrcnn.engine.model.io.LoadedModel;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.ExpertTrace;
import org.dsrcnn.engine.trace.StageTrace;

/**
 * The detector service: a model directory (or random weights) turned into {@link DetectionTrace}s.
 * Resizes the image to the config's test size, runs every stage, copies every stage's boxes and
 * logits and the DPG mix to plain Java arrays, maps boxes back to original-image pixels and
 * post-processes the last stage. Not thread-safe.
 */
public final class Predictor implements Detector {
    private final NDManager manager;
    private final SparseRcnn model;
    private final List<String> classNames;
    private final Map<String, Object> provenance;
    private final ImagePreprocessor preprocessor;
    private final PostProcessor postProcessor;
    private final ParameterStore parameterStore;
    private final boolean ownsManager;

    private Predictor(NDManager manager, SparseRcnn model, List<String> classNames, Map<String, Object> provenance,
            boolean ownsManager) {
        this.manager = manager;
        this.ownsManager = ownsManager;
        this.model = model;
        this.classNames = List.copyOf(classNames);
        this.provenance = provenance;
        DsrcnnConfig config = model.config();
        this.preprocessor = new ImagePreprocessor(config.input());
        this.postProcessor = new PostProcessor(config.inference());
        this.parameterStore = new ParameterStore(manager, false);
        model.setTemperature(config.proposals().tauEnd());
        model.setTiming(true);
    }

    /**
     * Loads a model directory.
     *
     * @throws IllegalArgumentException with a one-line reason when it is not a valid model
     */
    public static Predictor open(Path modelDir) {
        return open(modelDir, ai.djl.Device.cpu());
    }

    /** {@link #open(Path)} with the model and every tensor of its forward passes on {@code device}. */
    public static Predictor open(Path modelDir, ai.djl.Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            LoadedModel loaded = ModelFiles.load(modelDir, manager);
            return new Predictor(manager, loaded.model(), loaded.classNames(), loaded.provenance(), true);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A model with freshly initialised (untrained) weights: shows the mechanics, not detections. */
    public static Predictor randomWeights(DsrcnnConfig config, List<String> classNames, long seed) {
        if (classNames.size() != config.head().numClasses()) {
            throw new IllegalArgumentException("config has " + config.head().numClasses()
                    + " classes but " + classNames.size() + " class names were given");
        }
        NDManager manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed((int) seed);
        SparseRcnn model = new SparseRcnn(config);
        model.initialize(manager);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("weights", "random (untrained), seed " + seed);
        return new Predictor(manager, model, classNames, provenance, true);
    }

    /**
     * Wraps a model that something else owns (the trainer's, for periodic evaluation); closing the
     * predictor leaves the model alone. Sets the model's temperature to the inference value.
     */
    public static Predictor wrap(SparseRcnn model, List<String> classNames, NDManager manager) {
        return new Predictor(manager, model, classNames, Map.of("weights", "in training"), false);
    }

    /** Resizes and normalises an image for this model (the first step of {@link #predict}). */
    public PreparedImage prepare(BufferedImage image) {
        return preprocessor.forInference(image);
    }

    /** The underlying network. */
    public SparseRcnn model() {
        return model;
    }

    /** Provenance recorded in the model directory (data, iterations, AP, ...). */
    public Map<String, Object> provenance() {
        return provenance;
    }

    @Override
    public DetectionTrace predict(BufferedImage image) {
        long t0 = System.nanoTime();
        PreparedImage prepared = preprocessor.forInference(image);
        double prepMs = (System.nanoTime() - t0) / 1e6;
        DetectionTrace trace = predictPrepared(List.of(prepared)).get(0);
        trace.timingsMs().put("preprocess", prepMs);
        trace.timingsMs().put("total", trace.timingsMs().get("total") + prepMs);
        return trace;
    }

    /**
     * Runs a batch of prepared images.
     *
     * @return one trace per image, boxes in each image's original pixels
     */
    public List<DetectionTrace> predictPrepared(List<PreparedImage> images) {
        long t0 = System.nanoTime();
        DsrcnnConfig config = model.config();
        int b = images.size();
        float[][][] flatBoxes;
        float[][] flatLogits;
        float[] weights = null;
        float[] expertBoxes = null;
        Map<String, Double> modelTimes;
        int n = config.proposals().count();
        int k = config.head().numClasses();
        int stages = config.head().stages();
        int ne = config.proposals().experts();
        try (NDScope scope = new NDScope()) {
            Batch batch = BatchCollator.collate(images, manager, config.input().sizeDivisibility());
            SparseRcnnOutput out = model.predict(parameterStore, batch.images(), batch.imageWhwh());
            flatBoxes = new float[stages + 1][][];
            flatLogits = new float[stages + 1][];
            flatBoxes[0] = new float[][] {out.proposalBoxes().toFloatArray()};
            for (int t = 1; t <= stages; t++) {
                flatBoxes[t] = new float[][] {out.stages().get(t - 1).boxes().toFloatArray()};
                flatLogits[t] = out.stages().get(t - 1).logits().toFloatArray();
            }
            if (out.expertWeights() != null) {
                weights = out.expertWeights().toFloatArray();
                expertBoxes = out.expertBoxes().toFloatArray();
            }
            modelTimes = new LinkedHashMap<>(out.timingsMs());
            batch.close();
        }
        List<DetectionTrace> traces = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            long p0 = System.nanoTime();
            ResizeInfo r = images.get(i).resize();
            List<StageTrace> stageTraces = new ArrayList<>(stages + 1);
            float[][] lastBoxesInput = null;
            float[][] lastLogits = null;
            for (int t = 0; t <= stages; t++) {
                float[][] boxesInput = rows(flatBoxes[t][0], i * n, n, 4);
                float[][] logits = t == 0 ? null : rows(flatLogits[t], i * n, n, k);
                stageTraces.add(new StageTrace(t, toOriginal(boxesInput, r), logits));
                if (t == stages) {
                    lastBoxesInput = boxesInput;
                    lastLogits = logits;
                }
            }
            ExpertTrace experts = null;
            if (weights != null) {
                float[][] w = rows(weights, i * n, n, ne);
                float[][][] eb = new float[ne][][];
                for (int e = 0; e < ne; e++) {
                    eb[e] = toOriginal(rows(expertBoxes, (i * ne + e) * n, n, 4), r);
                }
                experts = new ExpertTrace(w, eb, model.temperature());
            }
            List<Detection> detections = postProcessor.process(lastLogits, lastBoxesInput, r.scaleX(), r.scaleY(),
                    r.originalWidth(), r.originalHeight());
            Map<String, Double> timings = new LinkedHashMap<>(modelTimes);
            double post = (System.nanoTime() - p0) / 1e6;
            timings.put("postprocess", post);
            timings.put("total", (System.nanoTime() - t0) / 1e6 / b);
            traces.add(new DetectionTrace(r.originalWidth(), r.originalHeight(), classNames, stageTraces, experts,
                    detections, timings));
        }
        return traces;
    }

    /** Rows {@code [start/cols, start/cols + count)} of a flat row-major array with {@code cols} columns. */
    private static float[][] rows(float[] flat, int startRow, int count, int cols) {
        float[][] out = new float[count][cols];
        for (int j = 0; j < count; j++) {
            System.arraycopy(flat, (startRow + j) * cols, out[j], 0, cols);
        }
        return out;
    }

    private static float[][] toOriginal(float[][] boxesInput, ResizeInfo r) {
        float[][] out = new float[boxesInput.length][];
        for (int j = 0; j < boxesInput.length; j++) {
            out[j] = r.toOriginal(boxesInput[j]);
        }
        return out;
    }

    @Override
    public DsrcnnConfig config() {
        return model.config();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public Map<String, String> description() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("model", model.config().name());
        d.put("provenance", provenance.toString());
        Engine engine = Engine.getInstance();
        d.put("engine", engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")");
        d.put("device", manager.getDevice().toString());
        d.put("threads", String.valueOf(ai.djl.pytorch.jni.JniUtils.getNumThreads()));
        d.put("parameters", String.valueOf(model.countParameters("")));
        return d;
    }

    @Override
    public void close() {
        model.setTiming(false);
        if (ownsManager) {
            manager.close();
        }
    }
}
