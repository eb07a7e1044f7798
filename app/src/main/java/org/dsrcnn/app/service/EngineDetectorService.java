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
        DsrcnnConfig.Inference settings = info != null
                ? info.config().inference() : Presets.load("small").inference();
        StageTrace last = trace.stages().get(trace.numStages());
        return new PostProcessor(settings).withNms(nms).withTopK(Math.max(1, topK))
                .process(last.logits(), last.boxes(), 1.0, 1.0, trace.imageWidth(), trace.imageHeight());
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
