package org.dsrcnn.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dsrcnn.app.service.EngineDetectorService;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.infer.Predictor;
import org.dsrcnn.engine.trace.Detection;

/**
 * The real detector and the project's sample images for tests that need a trace: the engine's
 * {@link Predictor} with random weights (building one takes a second or two, so a test class
 * shares one), and the files in {@code sample-images/}.
 */
public final class TestModels {

    /** The seed {@link EngineDetectorService} gives its untrained fallback model. */
    public static final long SEED = 0;

    private TestModels() {}

    /**
     * The model the app falls back to without a trained one: {@code small}, the 8 shape classes,
     * random weights with {@link #SEED}. The caller closes it.
     */
    public static Predictor untrainedSmall() {
        return Predictor.randomWeights(Presets.load("small"), EngineDetectorService.SHAPE_CLASSES, SEED);
    }

    /** A file of the project's {@code sample-images/} folder. */
    public static Path sampleImage(String name) {
        Path p = AppServices.projectHome().resolve("sample-images").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing sample image " + p);
        }
        return p;
    }

    /** A sample image, decoded. */
    public static BufferedImage readSample(String name) throws IOException {
        return ImageIO.read(sampleImage(name).toFile());
    }

    /** Same detections in the same order: proposal, label, score and box all exactly equal. */
    public static void assertSameDetections(List<Detection> expected, List<Detection> actual) {
        assertEquals(expected.size(), actual.size(), "number of detections");
        for (int i = 0; i < expected.size(); i++) {
            Detection e = expected.get(i);
            Detection a = actual.get(i);
            String where = "detection " + i;
            assertEquals(e.proposal(), a.proposal(), where + " proposal");
            assertEquals(e.label(), a.label(), where + " label");
            assertEquals(e.score(), a.score(), where + " score");
            assertArrayEquals(e.box(), a.box(), where + " box");
        }
    }
}
