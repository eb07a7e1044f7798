package org.dsrcnn.app.service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntUnaryOperator;
import javax.imageio.ImageIO;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.TraceJson;

/** {@link Exporter} to local files. */
public final class FileExporter implements Exporter {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void writePng(RenderedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    @Override
    public void writeCocoResults(List<Detection> detections, long imageId, IntUnaryOperator categoryId, Path file)
            throws IOException {
        writeCocoResults(detections, imageId, null, categoryId, file);
    }

    @Override
    public void writeCocoResults(List<Detection> detections, long imageId, String fileName,
            IntUnaryOperator categoryId, Path file) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Detection d : detections) {
                float[] b = d.box();
                g.writeStartObject();
                g.writeNumberField("image_id", imageId);
                if (fileName != null) {
                    g.writeStringField("file_name", fileName); // COCO readers ignore extra keys
                }
                g.writeNumberField("category_id", categoryId.applyAsInt(d.label()));
                g.writeArrayFieldStart("bbox");
                g.writeNumber(b[0]);
                g.writeNumber(b[1]);
                g.writeNumber(b[2] - b[0]);
                g.writeNumber(b[3] - b[1]);
                g.writeEndArray();
                g.writeNumberField("score", d.score());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    @Override
    public void writeTrace(DetectionTrace trace, Path file) throws IOException {
        TraceJson.write(trace, file);
    }

    @Override
    public void writeTrace(DetectionTrace trace, java.util.Map<String, Object> source, Path file) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(TraceJson.toJson(trace));
        // an extra top-level key: TraceJson.read reads its own keys and leaves this one alone
        root.set("source", m.valueToTree(source));
        m.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
