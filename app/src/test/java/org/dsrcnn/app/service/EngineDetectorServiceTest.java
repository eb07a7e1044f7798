package org.dsrcnn.app.service;

import static org.dsrcnn.app.TestModels.assertSameDetections;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsrcnn.app.TestModels;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.infer.Detector;
import org.dsrcnn.engine.infer.Predictor;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service over the real detector: the engine's Predictor, untrained or loaded from a saved model directory. */
class EngineDetectorServiceTest {

    /**
     * The class's one untrained small model. A service that was handed it is not closed here (that
     * would close it for the other tests); {@link #closeModel} does.
     */
    private static Predictor predictor;

    @BeforeAll
    static void model() {
        predictor = TestModels.untrainedSmall();
    }

    @AfterAll
    static void closeModel() {
        if (predictor != null) {
            predictor.close();
        }
    }

    /**
     * Records what was asked of it, then does it for real: a directory is opened by {@link
     * Predictor#open}; random weights are the class's shared untrained model (built with the same
     * arguments the service asks for, which the tests check from the record).
     */
    static final class RecordingFactory implements DetectorFactory {
        final List<String> calls = new ArrayList<>();

        @Override
        public Detector open(Path modelDir) {
            calls.add("open " + modelDir.getFileName());
            return Predictor.open(modelDir);
        }

        @Override
        public Detector randomWeights(DsrcnnConfig config, List<String> classNames, long seed) {
            calls.add("random " + config.name() + " " + classNames.size() + " " + seed);
            return predictor;
        }
    }

    @Test
    void withoutADefaultModelItBuildsAnUntrainedSmallOne(@TempDir Path home) throws Exception {
        RecordingFactory f = new RecordingFactory();
        EngineDetectorService s = new EngineDetectorService(f, home);
        ModelInfo info = s.loadDefault(ProgressSink.NONE);
        assertTrue(info.untrained());
        assertEquals(List.of("random small 8 0"), f.calls);
        assertSame(info, s.current());
        assertEquals("small", info.name());
        assertEquals("small", info.config().name());
        assertEquals(List.of("circle", "square", "triangle", "star", "hexagon", "cross", "ring", "arrow"), info.classNames());
        assertEquals("{weights=random (untrained), seed 0}", info.description().get("provenance"));
    }

    /** Saves the class's model as {@code home}'s default model, with {@code data} as its provenance. */
    private static void saveDefaultModel(Path home, String data) throws Exception {
        ModelFiles.save(predictor.model(), predictor.classNames(), Map.of("data", data),
                EngineDetectorService.defaultModelDir(home));
    }

    /** The service runs the saved model: its last stage equals the class's model's on the same image. */
    private static void assertRunsTheSavedModel(EngineDetectorService s) throws Exception {
        BufferedImage image = TestModels.readSample("chelsea.png");
        DetectionTrace opened = s.analyze(image);
        DetectionTrace original = predictor.predict(image);
        int last = original.numStages();
        assertArrayEquals(original.stages().get(last).logits(), opened.stages().get(last).logits());
        assertArrayEquals(original.stages().get(last).boxes(), opened.stages().get(last).boxes());
    }

    @Test
    void withADefaultModelItOpensIt(@TempDir Path home) throws Exception {
        saveDefaultModel(home, "saved by EngineDetectorServiceTest");
        RecordingFactory f = new RecordingFactory();
        try (EngineDetectorService s = new EngineDetectorService(f, home)) {
            ModelInfo info = s.loadDefault(ProgressSink.NONE);
            assertFalse(info.untrained());
            assertEquals(List.of("open default"), f.calls);
            assertEquals("{data=saved by EngineDetectorServiceTest}", info.description().get("provenance"));
            assertEquals(predictor.classNames(), info.classNames());
            assertEquals(predictor.description().get("parameters"), info.description().get("parameters"));
            assertRunsTheSavedModel(s);
        }
    }

    @Test
    void aFailedLoadKeepsThePreviousModel(@TempDir Path home) throws Exception {
        Path bad = Files.createDirectories(home.resolve("bad"));
        RecordingFactory f = new RecordingFactory();
        EngineDetectorService s = new EngineDetectorService(f, home);
        ModelInfo first = s.loadDefault(ProgressSink.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.load(bad, ProgressSink.NONE));
        assertEquals("not a model directory (no model.json): " + bad, e.getMessage());
        assertSame(first, s.current());
        Path nope = home.resolve("nope");
        e = assertThrows(IllegalArgumentException.class, () -> s.load(nope, ProgressSink.NONE));
        assertEquals("not a model directory: " + nope, e.getMessage());
        assertEquals(List.of("random small 8 0", "open bad"), f.calls, "a missing directory never reaches the factory");
        // the kept model still runs
        BufferedImage image = TestModels.readSample("coffee.png");
        DetectionTrace t = s.analyze(image);
        assertEquals(image.getWidth(), t.imageWidth());
        assertEquals(image.getHeight(), t.imageHeight());
    }

    @Test
    void postProcessingTheCachedLastStageAgainNeedsNoModelRun(@TempDir Path home) throws Exception {
        EngineDetectorService s = new EngineDetectorService(new RecordingFactory(), home);
        s.loadDefault(ProgressSink.NONE);
        DetectionTrace t = s.analyze(TestModels.readSample("chelsea.png"));
        // the model's own settings (NMS on, top 100) on the cached last stage give the predictor's detections
        List<Detection> again = s.postProcess(t, true, 100);
        assertSameDetections(t.detections(), again);
        assertTrue(again.size() > 5, "enough detections to cut: " + again.size());
        // NMS first, then top k: a shorter k keeps the head of the same list
        assertSameDetections(t.detections().subList(0, 5), s.postProcess(t, true, 5));
        // top k below 1 means 1
        assertSameDetections(t.detections().subList(0, 1), s.postProcess(t, true, 0));
    }

    @Test
    void aPreloadedDefaultModelIsOpenedOnceAndIsTheSavedOne(@TempDir Path home) throws Exception {
        saveDefaultModel(home, "preloaded");
        RecordingFactory f = new RecordingFactory();
        try (EngineDetectorService s = new EngineDetectorService(f, home)) {
            s.preloadDefault();
            s.preloadDefault(); // a second call starts nothing
            List<String> messages = new ArrayList<>();
            ModelInfo info = s.loadDefault(new ProgressSink() {
                @Override
                public void update(double fraction, String message) {
                    messages.add(message);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            assertEquals(List.of("open default"), f.calls, "opened once, by the preload");
            assertEquals(List.of("loading model default"), messages);
            assertFalse(info.untrained());
            assertEquals("{data=preloaded}", info.description().get("provenance"));
            assertRunsTheSavedModel(s);
            // a later loadDefault opens the model again (the preload is used once)
            s.loadDefault(ProgressSink.NONE);
            assertEquals(List.of("open default", "open default"), f.calls);
        }
    }

    @Test
    void aPreloadThatFailsReportsTheModelsOwnError(@TempDir Path home) throws Exception {
        Files.createDirectories(EngineDetectorService.defaultModelDir(home)); // no model.json in it
        EngineDetectorService s = new EngineDetectorService(new RecordingFactory(), home);
        s.preloadDefault();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.loadDefault(ProgressSink.NONE));
        assertEquals("not a model directory (no model.json): " + EngineDetectorService.defaultModelDir(home), e.getMessage());
        assertThrows(IllegalStateException.class, () -> s.analyze(TestModels.readSample("coffee.png")), "nothing was installed");
    }

    @Test
    void withoutADefaultModelThePreloadBuildsTheUntrainedOne(@TempDir Path home) throws Exception {
        RecordingFactory f = new RecordingFactory();
        EngineDetectorService s = new EngineDetectorService(f, home);
        s.preloadDefault();
        ModelInfo info = s.loadDefault(ProgressSink.NONE);
        assertTrue(info.untrained());
        assertEquals(List.of("random small 8 0"), f.calls);
    }
}
