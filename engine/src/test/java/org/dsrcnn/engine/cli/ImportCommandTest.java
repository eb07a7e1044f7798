package org.dsrcnn.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsrcnn import} of the golden checkpoint, then {@code dsrcnn infer --trace}: the trace file
 * holds the PyTorch reference's per-stage boxes and logits (within the golden tolerances).
 */
class ImportCommandTest {

    @TempDir Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ImportCommandTest.class.getResource("/checkpoints/" + name).toURI());
    }

    @Test
    void importThenInferReproducesTheReferenceFromTheCommandLine() throws Exception {
        Path model = dir.resolve("model");
        EvalCommandTest.Run imp = EvalCommandTest.run("import", "--checkpoint",
                fixture("sparse_rcnn_golden.pth").toString(), "--out", model.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("R-50 (width 8), FPN 16, 20 proposals"), imp.out());
        assertTrue(imp.out().contains("left out (training loss only): criterion.empty_weight"), imp.out());
        Path trace = dir.resolve("trace.json");
        EvalCommandTest.Run inf = EvalCommandTest.run("infer", "--model", model.toString(),
                fixture("golden_image.png").toString(), "--trace", trace.toString());
        assertEquals(0, inf.code(), inf.err());

        ObjectMapper mapper = new ObjectMapper();
        JsonNode expected = mapper.readTree(fixture("golden_expected.json").toFile());
        JsonNode stages = mapper.readTree(trace.toFile()).get("stages");
        assertEquals(expected.get("stages").size(), stages.size());
        for (int t = 0; t < stages.size(); t++) {
            JsonNode e = expected.get("stages").get(t);
            JsonNode a = stages.get(t);
            assertEquals(t, a.get("stage").asInt());
            double box = maxDiff(e.get("boxes"), a.get("boxes"));
            assertTrue(box <= 5e-3, "stage " + t + " boxes differ by " + box + " px");
            if (t > 0) {
                double logit = maxDiff(e.get("logits"), a.get("logits"));
                assertTrue(logit <= 2e-4, "stage " + t + " logits differ by " + logit);
            }
        }
    }

    @Test
    void badCheckpointsFailInOneLine() throws Exception {
        Path cut = dir.resolve("cut.pth");
        byte[] all = Files.readAllBytes(fixture("sparse_rcnn_golden.pth"));
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        EvalCommandTest.Run r = EvalCommandTest.run("import", "--checkpoint", cut.toString(), "--out",
                dir.resolve("m").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("import: checkpoint " + cut) && r.err().contains("truncated"), r.err());
        EvalCommandTest.Run png = EvalCommandTest.run("import", "--checkpoint", fixture("golden_image.png").toString(),
                "--out", dir.resolve("m").toString());
        assertEquals(1, png.code());
        assertTrue(png.err().contains("not a PyTorch or detectron2 checkpoint"), png.err());
        assertTrue(!Files.exists(dir.resolve("m")));
    }

    private static double maxDiff(JsonNode e, JsonNode a) {
        assertEquals(e.size(), a.size());
        double worst = 0;
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i).size(), a.get(i).size());
            for (int j = 0; j < e.get(i).size(); j++) {
                worst = Math.max(worst, Math.abs(e.get(i).get(j).asDouble() - a.get(i).get(j).asDouble()));
            }
        }
        return worst;
    }
}
