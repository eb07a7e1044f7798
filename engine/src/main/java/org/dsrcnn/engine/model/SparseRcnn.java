package org.dsrcnn.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.backbone.Fpn;
import org.dsrcnn.engine.model.backbone.ResNet;
import org.dsrcnn.engine.model.head.DynamicHead;
import org.dsrcnn.engine.model.head.RcnnStage;
import org.dsrcnn.engine.model.layers.Module;
import org.dsrcnn.engine.model.proposals.DynamicProposals;
import org.dsrcnn.engine.model.proposals.ProposalSet;
import org.dsrcnn.engine.model.proposals.Proposals;
import org.dsrcnn.engine.model.proposals.StaticProposals;
import org.dsrcnn.engine.model.roi.FeaturePyramid;

/**
 * The (Dynamic) Sparse R-CNN detector: ResNet -> FPN (P2..P5) -> proposals (learned static set, or
 * DPG experts mixed per image) -> T dynamic-head stages, each refining the previous stage's boxes.
 * Every hyper-parameter comes from the {@link DsrcnnConfig}; parameter shapes are fixed at
 * construction, so {@link #countParameters} and {@link #namedParameters} work before {@link
 * #initialize(NDManager)} allocates anything.
 *
 * <p>Parameter name prefixes: {@code backbone.}, {@code fpn.}, {@code proposals.}, {@code
 * head.stage1.} .. {@code head.stageT.}.
 *
 * <p>Not thread-safe for concurrent forward passes with different temperatures or timing flags.
 */
public final class SparseRcnn extends Module {

    private final DsrcnnConfig config;
    private final ResNet backbone;
    private final Fpn fpn;
    private final Proposals proposals;
    private final DynamicHead head;
    private final Map<String, Parameter> named;
    private volatile boolean timing;

    /** Builds all blocks (no parameter is allocated until {@link #initialize(NDManager)}). */
    public SparseRcnn(DsrcnnConfig config) {
        this.config = config;
        validate(config);
        int c = config.head().hiddenDim();
        backbone = register("backbone", new ResNet(config.backbone()));
        fpn = register("fpn", new Fpn(backbone.outChannels(), config.backbone().fpnChannels()));
        proposals =
                register(
                        "proposals",
                        config.proposals().dynamic()
                                ? new DynamicProposals(config.proposals(), c)
                                : new StaticProposals(config.proposals(), c));
        head = register("head", new DynamicHead(config.head()));
        Map<String, Parameter> all = new LinkedHashMap<>();
        collectParameters("", all);
        named = Collections.unmodifiableMap(all);
    }

    private static void validate(DsrcnnConfig cfg) {
        if (cfg.backbone().fpnChannels() != cfg.head().hiddenDim()) {
            throw new IllegalArgumentException(
                    "backbone.fpnChannels (" + cfg.backbone().fpnChannels() + ") must equal head.hiddenDim ("
                            + cfg.head().hiddenDim() + ")");
        }
        if (cfg.head().numClasses() <= 0) {
            throw new IllegalArgumentException("head.numClasses must be positive, got " + cfg.head().numClasses());
        }
        if (cfg.input().sizeDivisibility() % 32 != 0) {
            throw new IllegalArgumentException(
                    "input.sizeDivisibility must be a multiple of 32 (P5 has stride 32), got "
                            + cfg.input().sizeDivisibility());
        }
    }

    public DsrcnnConfig config() {
        return config;
    }

    /** Sets the DPG softmax temperature (no-op without DPG). */
    public void setTemperature(double tau) {
        proposals.setTemperature(tau);
    }

    /** The DPG softmax temperature, NaN without DPG. */
    public double temperature() {
        return proposals.temperature();
    }

    /** Enables per-part wall-clock timing in {@link SparseRcnnOutput#timingsMs()}. */
    public void setTiming(boolean enabled) {
        timing = enabled;
    }

    /**
     * Runs the detector.
     *
     * @param images (B, 3, Hp, Wp) normalised, zero-padded at the bottom/right to multiples of
     *     {@code input.sizeDivisibility}
     * @param imageWhwh (B, 4) = (w, h, w, h) of each unpadded input image, in pixels
     * @param training batch-norm mode (batch statistics) when the backbone uses {@code bn}
     * @return per-stage outputs in input pixels, plus proposals and DPG weights
     */
    public SparseRcnnOutput forward(ParameterStore ps, NDArray images, NDArray imageWhwh, boolean training) {
        Shape s = images.getShape();
        int div = config.input().sizeDivisibility();
        if (s.dimension() != 4 || s.get(1) != 3) {
            throw new IllegalArgumentException("images must be (B, 3, H, W), got " + s);
        }
        if (s.get(2) % div != 0 || s.get(3) % div != 0) {
            throw new IllegalArgumentException(
                    "images must be padded to multiples of " + div + ", got " + s.get(2) + "x" + s.get(3));
        }
        if (!imageWhwh.getShape().equals(new Shape(s.get(0), 4))) {
            throw new IllegalArgumentException(
                    "imageWhwh must be (" + s.get(0) + ", 4), got " + imageWhwh.getShape());
        }
        boolean timed = timing;
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        NDArray[] levels = fpn.forward(ps, backbone.forward(ps, images, training), training);
        FeaturePyramid pyramid = FeaturePyramid.of(levels, 2);
        long afterBackbone = System.nanoTime();
        ProposalSet props = proposals.forward(ps, levels, imageWhwh, training);
        long afterProposals = System.nanoTime();
        if (timed) {
            timings.put("backbone", ms(afterBackbone - start));
            timings.put("proposals", ms(afterProposals - afterBackbone));
        }
        long[] last = {afterProposals};
        List<RcnnStage.Result> results =
                head.forward(
                        ps,
                        pyramid,
                        props.boxes(),
                        props.features(),
                        training,
                        timed
                                ? (t, r) -> {
                                    long now = System.nanoTime();
                                    timings.put("stage" + t, ms(now - last[0]));
                                    last[0] = now;
                                }
                                : null);
        if (timed) {
            timings.put("total", ms(System.nanoTime() - start));
        }
        List<StageOutput> stages = new ArrayList<>(results.size());
        for (RcnnStage.Result r : results) {
            stages.add(new StageOutput(r.logits(), r.boxes()));
        }
        return new SparseRcnnOutput(
                Collections.unmodifiableList(stages),
                props.boxes(),
                props.expertWeights(),
                props.expertBoxes(),
                Collections.unmodifiableMap(timings));
    }

    /**
     * Inference: {@link #forward} with batch-norm statistics frozen and autograd recording switched
     * off for the calling thread (PyTorch's grad mode is per thread and is on by default in threads
     * other than the one that loaded the engine, where a plain forward would build a backward graph
     * through every parameter).
     */
    public SparseRcnnOutput predict(ParameterStore ps, NDArray images, NDArray imageWhwh) {
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return forward(ps, images, imageWhwh, false);
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /**
     * Every parameter by stable dotted name, in a fixed order (backbone, fpn, proposals, head
     * stages). Frozen-BN affine terms and running statistics are included with {@code
     * requiresGradient() == false}.
     */
    public Map<String, Parameter> namedParameters() {
        return named;
    }

    /**
     * Number of trainable scalars under a name prefix: "" = all, else the names equal to the prefix
     * or starting with {@code prefix + "."} (e.g. "backbone", "head.stage1").
     */
    public long countParameters(String prefix) {
        long total = 0;
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            Parameter p = e.getValue();
            if (p.requiresGradient() && matches(e.getKey(), prefix)) {
                total += p.getShape().size();
            }
        }
        return total;
    }

    private static boolean matches(String name, String prefix) {
        return prefix.isEmpty() || name.equals(prefix) || name.startsWith(prefix + ".");
    }

    /**
     * Replaces every parameter's value (trainable or not) by a copy of {@code values[name]}, placed
     * on {@code manager}. All names and shapes are checked before anything changes. Arrays
     * previously returned for the parameters are closed: create ParameterStores after loading.
     *
     * @param values float32 arrays by the names of {@link #namedParameters()}
     * @throws IllegalArgumentException naming the first missing, unexpected or mis-shaped parameter
     *     (with both shapes)
     */
    public void setParameterValues(Map<String, NDArray> values, NDManager manager) {
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            NDArray v = values.get(e.getKey());
            if (v == null) {
                throw new IllegalArgumentException("weights lack parameter " + e.getKey());
            }
            Shape want = e.getValue().getShape();
            if (!v.getShape().equals(want)) {
                throw new IllegalArgumentException(
                        "parameter " + e.getKey() + " has shape " + v.getShape() + " in the weights but "
                                + want + " in the config");
            }
            if (v.getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException(
                        "parameter " + e.getKey() + " is " + v.getDataType() + ", expected float32");
            }
        }
        for (String name : values.keySet()) {
            if (!named.containsKey(name)) {
                throw new IllegalArgumentException("weights have a parameter this config lacks: " + name);
            }
        }
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            Parameter p = e.getValue();
            NDArray copy = values.get(e.getKey()).duplicate();
            copy.attach(manager);
            p.close();
            Initializer original = p.getInitializer();
            p.setInitializer((m, shape, type) -> copy);
            p.initialize(manager, DataType.FLOAT32);
            p.setInitializer(original);
        }
    }

    /** Trainable parameters per part: "backbone", "fpn", "proposals", "stage1".."stageT". */
    public Map<String, Long> parameterCountsByPart() {
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("backbone", countParameters("backbone"));
        parts.put("fpn", countParameters("fpn"));
        parts.put("proposals", countParameters("proposals"));
        for (int t = 1; t <= head.stageCount(); t++) {
            parts.put("stage" + t, countParameters("head.stage" + t));
        }
        return parts;
    }
}
