package org.dsrcnn.app.service;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Override
    public ModelInfo loadDefault(ProgressSink progress) throws Exception {
        Path dir = defaultModelDir(home);
        if (Files.isDirectory(dir)) {
            return load(dir, progress);
        }
        progress.update(-1, "no trained default model: building an untrained small model");
        Detector d = factory.randomWeights(Presets.load("small"), SHAPE_CLASSES, 0);
        return install(d, true);
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
        if (detector != null) {
            detector.close();
            detector = null;
        }
    }
}
