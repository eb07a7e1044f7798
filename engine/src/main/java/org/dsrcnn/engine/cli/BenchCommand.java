package org.dsrcnn.engine.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.SparseRcnnOutput;
import org.dsrcnn.engine.model.StageOutput;
import org.dsrcnn.engine.ndarray.Scalars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dsrcnn bench}: wall-clock medians of the network's parts at inference and of one training
 * step, on random inputs and a randomly initialised model (speed does not depend on the weights).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times inference per part (backbone+FPN, proposals/DPG, each head stage, total) and one",
            "training step (forward, backward, AdamW update) on random data; prints medians."
        })
public final class BenchCommand implements Callable<Integer> {

    /** A step never sees more pixels than 8 images of 256x256 unless --train-batch says so. */
    private static final long DEFAULT_TRAIN_PIXELS = 8L * 256 * 256;

    @Option(names = "--config", paramLabel = "NAME|FILE", description = "preset or config file")
    String config;

    @Option(names = "--model", paramLabel = "M",
            description = "a model directory instead of --config (e.g. an imported checkpoint; its weights are loaded)")
    java.nio.file.Path modelDir;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu|auto",
            description = "where to run (default: ${DEFAULT-VALUE}; gpu needs a CUDA libtorch)")
    String device;

    @Option(names = "--size", paramLabel = "S", description = "image height (default: input.testShortSide)")
    Integer size;

    @Option(names = "--width", paramLabel = "W", description = "image width (default: the height)")
    Integer width;

    @Option(names = "--batch", defaultValue = "1", paramLabel = "B", description = "inference batch (default 1)")
    int batch;

    @Option(names = "--train-batch", paramLabel = "B",
            description = "training-step batch (default: solver.batchSize, reduced to at most 8x256x256 pixels)")
    Integer trainBatch;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "W", description = "untimed runs first (default 2)")
    int warmup;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "R", description = "timed runs (default 5)")
    int runs;

    @Option(names = "--skip-training", description = "time inference only")
    boolean skipTraining;

    @Option(names = "--skip-inference", description = "time the training step only")
    boolean skipInference;

    @Override
    public Integer call() {
        if ((config == null) == (modelDir == null)) {
            throw new IllegalArgumentException("give exactly one of --config and --model");
        }
        DsrcnnConfig cfg = modelDir != null
                ? Presets.fromJson(org.dsrcnn.engine.model.io.ModelFiles.readModelJson(modelDir).get("config").toString())
                : Presets.load(config);
        ai.djl.Device dev = org.dsrcnn.engine.infer.Devices.parse(device);
        int h = size == null ? cfg.input().testShortSide() : size;
        int w = width == null ? h : width;
        int div = cfg.input().sizeDivisibility();
        if (h <= 0 || w <= 0 || batch <= 0 || runs <= 0 || warmup < 0) {
            throw new IllegalArgumentException("sizes, batch and runs must be positive");
        }
        int hp = (h + div - 1) / div * div;
        int wp = (w + div - 1) / div * div;
        int tb = trainBatch != null ? trainBatch
                : (int) Math.max(1, Math.min(cfg.solver().batchSize(), DEFAULT_TRAIN_PIXELS / ((long) h * w)));
        SparseRcnn model = new SparseRcnn(cfg);
        Engine engine = Engine.getInstance(); // loads the native library before any JNI query
        System.out.printf(Locale.ROOT, "dsrcnn bench: config %s, %,d parameters, image %dx%d (padded %dx%d),"
                        + " %d proposals, %d stages, %d intra-op threads, device %s%n",
                cfg.name(), model.countParameters(""), w, h, wp, hp, cfg.proposals().count(), cfg.head().stages(),
                JniUtils.getNumThreads(), dev);
        try (NDManager manager = NDManager.newBaseManager(dev)) {
            engine.setRandomSeed(1);
            long t0 = System.nanoTime();
            model.initialize(manager);
            if (modelDir != null) {
                org.dsrcnn.engine.model.io.ModelFiles.loadWeightsInto(model, modelDir, manager);
            }
            System.out.printf(Locale.ROOT, "initialisation: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            if (!skipInference) {
                inference(model, manager, hp, wp, h, w);
            }
            if (!skipTraining) {
                training(model, manager, tb, hp, wp, h, w);
            }
        }
        return 0;
    }

    private void inference(SparseRcnn model, NDManager manager, int hp, int wp, int h, int w) {
        model.setTiming(true);
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long cpuStart = processCpuNanos();
            try (NDManager step = manager.newSubManager()) {
                NDArray images = step.randomNormal(new Shape(batch, 3, hp, wp));
                SparseRcnnOutput out =
                        model.predict(new ParameterStore(step, false), images, whwh(step, batch, w, h));
                out.last().logits().getFloat(0, 0, 0); // materialise (no-op on CPU, syncs on GPU)
                if (i >= warmup) {
                    out.timingsMs().forEach((k, v) -> samples.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                    cpu.add((processCpuNanos() - cpuStart) / 1e6);
                }
            }
        }
        model.setTiming(false);
        System.out.printf(Locale.ROOT, "inference, batch %d: median of %d runs after %d warm-up (ms)%n", batch, runs,
                warmup);
        double stages = 0;
        for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
            double med = median(e.getValue());
            if (e.getKey().startsWith("stage")) {
                stages += med;
            }
            String label = switch (e.getKey()) {
                case "backbone" -> "backbone+FPN";
                case "proposals" -> model.config().proposals().dynamic() ? "proposals (DPG)" : "proposals";
                default -> e.getKey();
            };
            System.out.printf(Locale.ROOT, "  %-18s %10.1f%n", label, med);
        }
        System.out.printf(Locale.ROOT, "  %-18s %10.1f  (sum of stage medians)%n", "all stages", stages);
        System.out.printf(Locale.ROOT, "  %-18s %10.1f  (CPU time of all threads; wall ~ CPU / threads when"
                + " the cores are free)%n", "process CPU", median(cpu));
    }

    /** CPU time of the whole process (all threads), or 0 where the JVM does not expose it. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private void training(SparseRcnn model, NDManager manager, int tb, int hp, int wp, int h, int w) {
        System.out.printf(Locale.ROOT, "training step, batch %d: median of %d runs after %d warm-up (ms)%n", tb, runs,
                warmup);
        System.out.println("  stand-in loss: sum over stages of squared logits + squared (boxes / image size);"
                + " NOT the set criterion");
        List<Parameter> trainable = new ArrayList<>();
        for (Parameter p : model.namedParameters().values()) {
            if (p.requiresGradient()) {
                trainable.add(p);
            }
        }
        Map<Parameter, NDArray[]> moments = new LinkedHashMap<>();
        for (Parameter p : trainable) {
            moments.put(p, new NDArray[] {p.getArray().zerosLike(), p.getArray().zerosLike()});
        }
        double[][] t = new double[5][runs];
        for (int i = 0; i < warmup + runs; i++) {
            long a;
            long b;
            long c;
            long d;
            long cpuStart;
            try (NDManager step = manager.newSubManager()) {
                NDArray images = step.randomNormal(new Shape(tb, 3, hp, wp));
                NDArray whwh = whwh(step, tb, w, h);
                cpuStart = processCpuNanos();
                a = System.nanoTime();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    SparseRcnnOutput out = model.forward(new ParameterStore(step, false), images, whwh, true);
                    NDArray loss = null;
                    for (StageOutput s : out.stages()) {
                        NDArray l = s.logits().square().sum().add(Scalars.div(s.boxes(), (float) Math.max(h, w)).square().sum());
                        loss = loss == null ? l : loss.add(l);
                    }
                    loss.getFloat();
                    b = System.nanoTime();
                    gc.backward(loss);
                    c = System.nanoTime();
                }
                int iteration = i + 1;
                for (Parameter p : trainable) {
                    adamW(p.getArray(), moments.get(p), iteration);
                }
                d = System.nanoTime();
            }
            if (i >= warmup) {
                t[0][i - warmup] = (b - a) / 1e6;
                t[1][i - warmup] = (c - b) / 1e6;
                t[2][i - warmup] = (d - c) / 1e6;
                t[3][i - warmup] = (d - a) / 1e6;
                t[4][i - warmup] = (processCpuNanos() - cpuStart) / 1e6;
            }
        }
        String[] names = {"forward", "backward", "update (AdamW)", "step total", "process CPU"};
        for (int k = 0; k < 5; k++) {
            System.out.printf(Locale.ROOT, "  %-18s %10.1f%n", names[k], median(t[k]));
        }
        System.out.printf(Locale.ROOT, "  %-18s %10.2f%n", "images / s", tb / (median(t[3]) / 1000));
    }

    /** One AdamW step (lr 1e-4, wd 1e-4) with DJL's fused kernel; zeroes the gradient. */
    private static void adamW(NDArray weight, NDArray[] moments, int t) {
        float lr = 1e-4f;
        double beta1 = 0.9;
        double beta2 = 0.999;
        float corrected = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        weight.getNDArrayInternal()
                .adamUpdate(new NDList(weight, weight.getGradient(), moments[0], moments[1]), new NDList(weight), lr,
                        corrected, 1e-4f, 1f, -1f, (float) beta1, (float) beta2, 1e-8f, false, true);
    }

    private static NDArray whwh(NDManager m, int batch, int w, int h) {
        float[] v = new float[4 * batch];
        for (int i = 0; i < batch; i++) {
            v[4 * i] = w;
            v[4 * i + 1] = h;
            v[4 * i + 2] = w;
            v[4 * i + 3] = h;
        }
        return m.create(v, new Shape(batch, 4));
    }

    private static double median(List<Double> v) {
        return median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
