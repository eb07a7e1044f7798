package org.dsrcnn.app.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dsrcnn.app.TestModels;
import org.dsrcnn.engine.infer.Predictor;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.StageTrace;
import org.dsrcnn.engine.trace.TraceJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExporterTest {

    /** The real detector (untrained small), for a real trace to export. */
    private static Predictor predictor;

    private final FileExporter exporter = new FileExporter();

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

    @Test
    void cocoResultsUseXywhAndTheCategoryMapping(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("dt.json");
        exporter.writeCocoResults(List.of(
                new Detection(3, 0, 0.75f, new float[] {10, 20, 50, 80}),
                new Detection(9, 2, 0.5f, new float[] {0.5f, 1.5f, 2.5f, 4.0f})), 42, label -> label + 1, f);
        JsonNode a = new ObjectMapper().readTree(f.toFile());
        assertEquals(2, a.size());
        assertEquals(42, a.get(0).get("image_id").asInt());
        assertEquals(1, a.get(0).get("category_id").asInt());
        // [x1, y1, x2 - x1, y2 - y1] = [10, 20, 40, 60]
        assertEquals("[10.0,20.0,40.0,60.0]", a.get(0).get("bbox").toString());
        assertEquals(0.75, a.get(0).get("score").asDouble(), 1e-7);
        assertEquals(3, a.get(1).get("category_id").asInt());
        assertEquals("[0.5,1.5,2.0,2.5]", a.get(1).get("bbox").toString());
    }

    @Test
    void pngAndTraceReadBack(@TempDir Path dir) throws Exception {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(1, 1, 0xff123456);
        Path png = dir.resolve("v.png");
        exporter.writePng(img, png);
        assertEquals(0xff123456, ImageIO.read(png.toFile()).getRGB(1, 1));

        BufferedImage shapes = TestModels.readSample("01-shapes.png");
        DetectionTrace t = predictor.predict(shapes);
        Path json = dir.resolve("t.json");
        exporter.writeTrace(t, json);
        DetectionTrace back = TraceJson.read(json);
        // every number the explorer draws comes back exactly
        assertEquals(shapes.getWidth(), back.imageWidth());
        assertEquals(shapes.getHeight(), back.imageHeight());
        assertEquals(t.classNames(), back.classNames());
        assertEquals(t.numProposals(), back.numProposals());
        assertEquals(t.numStages(), back.numStages());
        for (int s = 0; s <= t.numStages(); s++) {
            StageTrace a = t.stages().get(s);
            StageTrace b = back.stages().get(s);
            assertEquals(s, b.stage());
            assertArrayEquals(a.boxes(), b.boxes(), "stage " + s + " boxes");
            assertArrayEquals(a.logits(), b.logits(), "stage " + s + " logits");
        }
        assertArrayEquals(t.experts().weights(), back.experts().weights());
        assertArrayEquals(t.experts().expertBoxes(), back.experts().expertBoxes());
        assertEquals(t.experts().tau(), back.experts().tau());
        TestModels.assertSameDetections(t.detections(), back.detections());
        assertEquals(t.timingsMs(), back.timingsMs());
    }
}
