package org.dsrcnn.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.data.ImageDecoding;
import org.dsrcnn.engine.infer.Predictor;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imported golden checkpoint computes what the PyTorch reference computed, stage by stage. */
class GoldenParityTest {

    @TempDir Path dir;

    @Test
    void importedCheckpointReproducesTheReferenceAtEveryStage() throws Exception {
        GoldenFixture golden = new GoldenFixture();
        Path model = dir.resolve("model");
        CheckpointImport.Result r = CheckpointImport.importCheckpoint(GoldenFixture.checkpoint(), model, 8);
        assertEquals(List.of("criterion.empty_weight"), r.ignoredKeys());
        DsrcnnConfig c = r.config();
        assertEquals(50, c.backbone().depth());
        assertEquals(8, c.backbone().baseWidth());
        assertEquals(20, c.proposals().count());
        assertEquals(80, c.head().numClasses());
        assertEquals(800, c.input().testShortSide());
        assertEquals(1333, c.input().testMaxSize());
        assertFalse(c.inference().nms());
        assertEquals(20, c.inference().topK());
        JsonNode json = ModelFiles.readModelJson(model);
        assertEquals("person", json.get("classNames").get(0).asText());
        assertEquals("toothbrush", json.get("classNames").get(79).asText());
        assertEquals(64, json.get("provenance").get("checkpointSha256").asText().length());

        try (Predictor p = Predictor.open(model)) {
            DetectionTrace t = p.predict(ImageDecoding.read(GoldenFixture.image()));
            int stages = t.stages().size();
            float[][][] boxes = new float[stages][][];
            float[][][] logits = new float[stages][][];
            for (int s = 0; s < stages; s++) {
                boxes[s] = t.stages().get(s).boxes();
                logits[s] = t.stages().get(s).logits();
            }
            System.out.print("golden parity (API):\n" + golden.assertMatches(boxes, logits));
            assertDetectionsMatch(golden.expected.get("detections"), t.detections());
        }
    }

    /** Official inference: the same (proposal, class) pairs in the same order, same scores and boxes. */
    static void assertDetectionsMatch(JsonNode expected, List<Detection> actual) {
        assertEquals(expected.size(), actual.size(), "detections");
        for (int i = 0; i < actual.size(); i++) {
            JsonNode e = expected.get(i);
            Detection d = actual.get(i);
            assertEquals(e.get("proposal").asInt(), d.proposal(), "detection " + i + " proposal");
            assertEquals(e.get("label").asInt(), d.label(), "detection " + i + " label");
            assertEquals(e.get("score").asDouble(), d.score(), 1e-5, "detection " + i + " score");
            for (int j = 0; j < 4; j++) {
                assertEquals(e.get("box").get(j).asDouble(), d.box()[j], GoldenFixture.BOX_TOLERANCE_PX);
            }
        }
        assertTrue(actual.size() > 0);
    }
}
