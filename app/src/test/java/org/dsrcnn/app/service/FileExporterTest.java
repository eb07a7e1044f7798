package org.dsrcnn.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dsrcnn.app.SyntheticDetector;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExporterTest {

    private final FileExporter exporter = new FileExporter();

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

        DetectionTrace t = new SyntheticDetector().predict(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB));
        Path json = dir.resolve("t.json");
        exporter.writeTrace(t, json);
        DetectionTrace back = TraceJson.read(json);
        assertEquals(t.numProposals(), back.numProposals());
        assertEquals(t.stages().get(6).boxes()[17][2], back.stages().get(6).boxes()[17][2]);
    }
}
