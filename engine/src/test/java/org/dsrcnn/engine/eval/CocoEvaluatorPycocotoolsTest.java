package org.dsrcnn.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.data.CocoDataset;
import org.junit.jupiter.api.Test;

/**
 * A random case (60 images, 320 GT with crowd regions, area fields unlike the box areas, tied scores,
 * a category without GT, an image with 150 detections) whose 12 numbers and per-category AP were
 * computed by pycocotools 2.0.11 itself ({@code make_reference.py} beside the files records how).
 */
class CocoEvaluatorPycocotoolsTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CocoEvaluatorPycocotoolsTest.class.getResource("pycocotools/" + name).toURI());
    }

    @Test
    void matchesPycocotoolsOnARandomCase() throws Exception {
        CocoDataset gt = CocoDataset.load(resource("gt.json"), null);
        List<CocoDetection> dt = CocoResults.read(resource("dt.json"));
        JsonNode expected = new ObjectMapper().readTree(resource("expected.json").toFile());
        assertEquals(expected.get("num_gt").asInt(), gt.annotations().size());
        assertEquals(expected.get("num_dt").asInt(), dt.size());

        CocoMetrics m = CocoEvaluator.evaluate(gt, dt);
        double[] stats = m.stats();
        for (int i = 0; i < 12; i++) {
            assertEquals(expected.get("stats").get(i).asDouble(), stats[i], 1e-12, CocoMetrics.NAMES.get(i));
        }
        for (int k = 0; k < m.perCategory().size(); k++) {
            assertEquals(expected.get("per_category_ap").get(k).asDouble(), m.perCategory().get(k).ap(), 1e-12,
                    "category " + m.perCategory().get(k).name());
        }
        List<String> lines = new ArrayList<>();
        expected.get("summary").forEach(n -> lines.add(n.asText()));
        assertEquals(lines, m.summaryLines());
    }
}
