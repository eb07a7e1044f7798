package org.dsrcnn.engine.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceJsonTest {

    /** 2 proposals, 2 classes, 1 stage, 2 experts; every number chosen by hand. */
    private static DetectionTrace handMade() {
        StageTrace s0 = new StageTrace(0, new float[][] {{0, 0, 10, 10}, {5, 5, 20, 30}}, null);
        StageTrace s1 = new StageTrace(1, new float[][] {{1, 2, 11, 12}, {6, 7, 21, 31.5f}},
                new float[][] {{2.0f, -1.0f}, {-3.0f, 0.25f}});
        ExpertTrace experts = new ExpertTrace(
                new float[][] {{0.75f, 0.25f}, {0.5f, 0.5f}},
                new float[][][] {{{0, 0, 8, 8}, {4, 4, 18, 28}}, {{0, 0, 16, 16}, {6, 6, 22, 32}}},
                1.0);
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("backbone", 12.5);
        timings.put("total", 20.0);
        return new DetectionTrace(40, 30, List.of("circle", "square"), List.of(s0, s1), experts,
                List.of(new Detection(0, 0, 0.880797f, new float[] {1, 2, 11, 12})), timings);
    }

    @Test
    void roundTripKeepsEveryNumber(@TempDir Path dir) throws Exception {
        DetectionTrace original = handMade();
        Path file = dir.resolve("t.json");
        TraceJson.write(original, file);
        DetectionTrace back = TraceJson.read(file);

        assertEquals(40, back.imageWidth());
        assertEquals(30, back.imageHeight());
        assertEquals(List.of("circle", "square"), back.classNames());
        assertEquals(2, back.stages().size());
        assertNull(back.stages().get(0).logits());
        assertArrayEquals(new float[] {6, 7, 21, 31.5f}, back.stages().get(1).boxes()[1]);
        assertArrayEquals(new float[] {-3.0f, 0.25f}, back.stages().get(1).logits()[1]);
        assertArrayEquals(new float[] {0.75f, 0.25f}, back.experts().weights()[0]);
        assertArrayEquals(new float[] {6, 6, 22, 32}, back.experts().expertBoxes()[1][1]);
        assertEquals(1.0, back.experts().tau());
        assertEquals(1, back.detections().size());
        assertEquals(0.880797f, back.detections().get(0).score());
        assertArrayEquals(new float[] {1, 2, 11, 12}, back.detections().get(0).box());
        assertEquals(Map.of("backbone", 12.5, "total", 20.0), back.timingsMs());
    }

    @Test
    void writesTheDocumentedFieldsAndClassName() {
        String json = TraceJson.toJson(handMade());
        assertTrue(json.startsWith("{\"format\":\"dsrcnn-trace\",\"version\":1,\"imageWidth\":40"), json);
        assertFalse(json.contains("\"className\":\"square\""), "only detected classes are named");
        assertTrue(json.contains("\"className\":\"circle\""));
        assertTrue(json.contains("\"logits\":null"));
    }

    @Test
    void readsHandWrittenJsonWithoutExperts() {
        String json = """
                {"format":"dsrcnn-trace","version":1,"imageWidth":8,"imageHeight":6,
                 "classNames":["a"],
                 "stages":[{"stage":0,"boxes":[[0,0,4,4]],"logits":null},
                           {"stage":1,"boxes":[[1,1,5,5]],"logits":[[0.0]]}],
                 "experts":null,
                 "detections":[{"proposal":0,"label":0,"score":0.5,"box":[1,1,5,5]}],
                 "timingsMs":{"total":3.5}}
                """;
        DetectionTrace t = TraceJson.fromJson(json);
        assertNull(t.experts());
        assertEquals(1, t.numStages());
        assertEquals(1, t.numProposals());
        // sigmoid(0) = 0.5 exactly
        assertEquals(0.5f, t.stages().get(1).topScore(0));
        assertEquals(3.5, t.timingsMs().get("total"));
    }

    @Test
    void inconsistentShapesGiveOneLineErrors() {
        String good = TraceJson.toJson(handMade());
        String wrongBoxCount = good.replace("[[1.0,2.0,11.0,12.0],[6.0,7.0,21.0,31.5]]", "[[1.0,2.0,11.0,12.0]]");
        assertMessage(wrongBoxCount, "stage 1 has 1 boxes, stage 0 has 2");
        String wrongLogitWidth = good.replace("[2.0,-1.0]", "[2.0]");
        assertMessage(wrongLogitWidth, "stage 1 logits row 0 must have 2 numbers");
        String badLabel = good.replace("\"label\":0", "\"label\":5");
        assertMessage(badLabel, "detection label 5 not in 0..1");
        assertMessage("[1,2]", "trace JSON must be an object");
        assertMessage("{\"format\":\"other\"}", "not a trace");
        assertMessage("{not json", "not trace JSON");
    }

    @Test
    void corruptFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceJson.read(file));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    }

    private static void assertMessage(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceJson.fromJson(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
