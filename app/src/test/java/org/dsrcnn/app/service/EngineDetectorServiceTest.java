package org.dsrcnn.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.app.SyntheticDetector;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.infer.Detector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineDetectorServiceTest {

    /** Records what was asked of it; opening a directory named "bad" fails like a foreign model. */
    static final class RecordingFactory implements DetectorFactory {
        final List<String> calls = new ArrayList<>();

        @Override
        public Detector open(Path modelDir) {
            calls.add("open " + modelDir.getFileName());
            if (modelDir.getFileName().toString().equals("bad")) {
                throw new IllegalArgumentException("not a Dynamic Sparse R-CNN model: bad");
            }
            return new SyntheticDetector();
        }

        @Override
        public Detector randomWeights(DsrcnnConfig config, List<String> classNames, long seed) {
            calls.add("random " + config.name() + " " + classNames.size() + " " + seed);
            return new SyntheticDetector();
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
    }

    @Test
    void withADefaultModelItOpensIt(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("assets/models/default"));
        RecordingFactory f = new RecordingFactory();
        EngineDetectorService s = new EngineDetectorService(f, home);
        assertFalse(s.loadDefault(ProgressSink.NONE).untrained());
        assertEquals(List.of("open default"), f.calls);
    }

    @Test
    void aFailedLoadKeepsThePreviousModel(@TempDir Path home) throws Exception {
        Path bad = Files.createDirectories(home.resolve("bad"));
        RecordingFactory f = new RecordingFactory();
        EngineDetectorService s = new EngineDetectorService(f, home);
        ModelInfo first = s.loadDefault(ProgressSink.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.load(bad, ProgressSink.NONE));
        assertEquals("not a Dynamic Sparse R-CNN model: bad", e.getMessage());
        assertSame(first, s.current());
        assertThrows(IllegalArgumentException.class, () -> s.load(home.resolve("nope"), ProgressSink.NONE));
    }
}
