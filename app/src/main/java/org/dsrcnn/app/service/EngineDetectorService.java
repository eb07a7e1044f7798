package org.dsrcnn.app.service;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.data.shapes.ShapeClass;
import org.dsrcnn.engine.infer.PostProcessor;
import org.dsrcnn.engine.trace.StageTrace;
import org.dsrcnn.engine.infer.Detector;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;

/**
 * {@link DetectorService} over the engine's {@link Detector}: one loaded model at a time, made by
 * a {@link DetectorFactory}. Not thread-safe; the app calls it from its one worker thread.
 */
public final class EngineDetectorService implements DetectorService {

    /** The 8 classes of the synthetic shapes dataset (for the untrained fallback model). */
    public static final List<String> SHAPE_CLASSES = ShapeClass.ALL.stream().map(ShapeClass::label).toList();

    private final DetectorFactory factory;
    private final Path home;
    private Detector detector;
    private ModelInfo info;
    /** The default model being opened ahead of {@link #loadDefault}, or null. */
    private CompletableFuture<Detector> preload;

    /**
     * @param factory makes detectors
     * @param home the project root ({@code assets/models/default/} is looked up under it)
     */
    public EngineDetectorService(DetectorFactory factory, Path home) {
        this.factory = factory;
        this.home = home;
    }

    /** The default model directory under the project root. */
    public static Path defaultModelDir(Path home) {
        return home.resolve("assets").resolve("models").resolve("default");
    }

    /**
     * Starts opening the default model on a background daemon thread, followed by one warm-up pass
     * on a blank image of the model's test size (a first forward costs ~1 s more than later ones,
     * mostly page faults while the allocator's heap grows), so both overlap the window's start-up.
     * The warm heap only helps the worker thread that runs the real analyses if threads share
     * malloc arenas: the launcher sets {@code MALLOC_ARENA_MAX} for the app. The next {@link
     * #loadDefault} takes the result instead of opening the model again. Call it once, first.
     */
    public void preloadDefault() {
        if (preload != null || detector != null) {
            return;
        }
        CompletableFuture<Detector> future = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                Detector d = openDefault();
                int side = d.config().input().testShortSide(); // the size real images are run at
                d.predict(new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB));
                future.complete(d);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "dsrcnn-preload-default-model");
        opener.setDaemon(true);
        preload = future;
        opener.start();
    }

    @Override
    public ModelInfo loadDefault(ProgressSink progress) throws Exception {
        Path dir = defaultModelDir(home);
        boolean untrained = !Files.isDirectory(dir);
        progress.update(-1, untrained ? "no trained default model: building an untrained small model"
                : "loading model " + dir.getFileName());
        Detector d;
        if (preload != null) {
            CompletableFuture<Detector> taken = preload;
            preload = null;
            try {
                d = taken.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        } else {
            d = openDefault();
        }
        return install(d, untrained);
    }

    /** The default model directory's model, or an untrained small model when there is none. */
    private Detector openDefault() throws Exception {
        Path dir = defaultModelDir(home);
        return Files.isDirectory(dir) ? factory.open(dir)
                : factory.randomWeights(Presets.load("small"), SHAPE_CLASSES, 0);
    }

    @Override
    public ModelInfo load(Path modelDir, ProgressSink progress) throws Exception {
        if (!Files.isDirectory(modelDir)) {
            throw new IllegalArgumentException("not a model directory: " + modelDir);
        }
        progress.update(-1, "loading model " + modelDir.getFileName());
        Detector d = factory.open(modelDir);
        return install(d, false);
    }

    private ModelInfo install(Detector d, boolean untrained) {
        if (detector != null) {
            detector.close();
        }
        detector = d;
        Map<String, String> description = d.description();
        String name = description.getOrDefault("model", d.config().name());
        info = new ModelInfo(name, description, d.classNames(), untrained, d.config());
        return info;
    }

    @Override
    public ModelInfo current() {
        return info;
    }

    @Override
    public DetectionTrace analyze(BufferedImage image) {
        if (detector == null) {
            throw new IllegalStateException("no model loaded");
        }
        return detector.predict(image);
    }

    /**
     * The engine's {@link PostProcessor} on the cached last stage (boxes already in original-image
     * px, so scale 1) with the model's other inference settings.
     */
    @Override
    public List<Detection> postProcess(DetectionTrace trace, boolean nms, int topK) {
        return postProcess(trace, trace.numStages(), nms, topK);
    }

    @Override
    public List<Detection> postProcess(DetectionTrace trace, int stage, boolean nms, int topK) {
        DsrcnnConfig.Inference settings = info != null
                ? info.config().inference() : Presets.load("small").inference();
        StageTrace last = trace.stages().get(Math.max(1, Math.min(stage, trace.numStages())));
        return new PostProcessor(settings).withNms(nms).withTopK(Math.max(1, topK))
                .process(last.logits(), last.boxes(), 1.0, 1.0, trace.imageWidth(), trace.imageHeight());
    }

    /** Floats of traces an evaluation keeps for browsing (about 200 MB). */
    static final long TRACE_BUDGET_FLOATS = 50_000_000L;

    /**
     * What {@code dsrcnn eval --model M --data DIR --per-stage} computes, through the same engine
     * calls ({@link org.dsrcnn.engine.infer.DatasetInference#forEachTrace}, {@link
     * org.dsrcnn.engine.eval.PerStageEvaluation}, {@link org.dsrcnn.engine.eval.CocoEvaluator}), so the
     * 12 numbers are the command's. A detector that is not the engine's predictor runs image by image.
     */
    @Override
    public DatasetRun evaluate(Path annotationFile, Path imageDir, ProgressSink progress) {
        if (detector == null) {
            throw new IllegalStateException("no model loaded");
        }
        long t0 = System.nanoTime();
        org.dsrcnn.engine.data.CocoDataset dataset = org.dsrcnn.engine.data.CocoDataset.load(annotationFile, imageDir);
        org.dsrcnn.engine.eval.PerStageEvaluation stages = new org.dsrcnn.engine.eval.PerStageEvaluation(dataset,
                new PostProcessor(detector.config().inference()));
        List<org.dsrcnn.engine.eval.CocoDetection> finals = new java.util.ArrayList<>();
        Map<Path, DetectionTrace> traces = new java.util.LinkedHashMap<>();
        long[] keptFloats = {0};
        int total = dataset.size();
        java.util.function.BiConsumer<org.dsrcnn.engine.data.CocoImage, DetectionTrace> sink = (info, trace) -> {
            if (progress.isCancelled()) {
                throw new java.util.concurrent.CancellationException("evaluation cancelled");
            }
            stages.add(info.id(), trace);
            for (Detection d : trace.detections()) {
                float[] b = d.box();
                finals.add(org.dsrcnn.engine.eval.CocoDetection.fromXyxy(info.id(), dataset.categoryIdOf(d.label()),
                        b[0], b[1], b[2], b[3], d.score()));
            }
            // keep traces for instant browsing up to a memory budget: a COCO val of 5000 images with an
            // 80-class, 300-proposal model would be ~3.5 GB of logits
            long floats = (long) (trace.numStages() + 1) * trace.numProposals() * (trace.classNames().size() + 4);
            if (keptFloats[0] + floats <= TRACE_BUDGET_FLOATS) {
                keptFloats[0] += floats;
                traces.put(dataset.imagePath(info).toAbsolutePath(), trace);
            }
        };
        java.util.function.IntConsumer step = done -> progress.update(done / (double) Math.max(1, total),
                "Evaluating: " + done + " / " + total + " images");
        List<String> skipped;
        int images;
        if (detector instanceof org.dsrcnn.engine.infer.Predictor p) {
            org.dsrcnn.engine.infer.DatasetInference.Traced r =
                    org.dsrcnn.engine.infer.DatasetInference.forEachTrace(p, dataset, EVAL_BATCH, 0, sink, step);
            skipped = r.skipped();
            images = r.images();
        } else {
            skipped = new java.util.ArrayList<>();
            images = total;
            for (int i = 0; i < total; i++) {
                org.dsrcnn.engine.data.CocoImage info = dataset.images().get(i);
                try {
                    sink.accept(info, detector.predict(org.dsrcnn.engine.data.ImageDecoding.read(dataset.imagePath(info))));
                } catch (java.io.IOException e) {
                    skipped.add("image " + info.id() + " (" + info.fileName() + "): " + e.getMessage());
                }
                step.accept(i + 1);
            }
        }
        progress.update(-1, "Scoring " + images + " images");
        org.dsrcnn.engine.data.CocoDataset gt = dataset.firstImages(images);
        org.dsrcnn.engine.eval.DatasetEvaluation evaluation = org.dsrcnn.engine.eval.DatasetEvaluation.evaluate(gt, finals);
        return new DatasetRun(gt, evaluation, stages.evaluate(), traces, skipped, (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void close() {
        if (preload != null) { // opened ahead but never taken: close it whenever it is ready
            preload.thenAccept(Detector::close);
            preload = null;
        }
        if (detector != null) {
            detector.close();
            detector = null;
        }
    }
}
