package org.dsrcnn.engine.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.data.DatasetException;
import org.dsrcnn.engine.data.ValidationReport;

/**
 * The COCO results format: a JSON array of {@code {"image_id", "category_id", "bbox": [x,y,w,h],
 * "score"}} (other keys are ignored). Every record is checked; any bad record makes the file
 * unusable, with a one-line message naming the first one (results are machine output: a bad record
 * means a bug upstream, and evaluating the rest would report a wrong AP).
 */
public final class CocoResults {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CocoResults() {}

    /**
     * Reads a results file.
     *
     * @throws DatasetException one line: file, record and what is wrong
     */
    public static List<CocoDetection> read(Path file) {
        String name = file.toString();
        ValidationReport report = new ValidationReport(name);
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String broken = org.dsrcnn.engine.errors.JsonErrors.describe(e);
            report.error("file", name, broken);
            throw new DatasetException(name + ": " + broken, report, e);
        } catch (IOException e) {
            String reason = Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file";
            report.error("file", name, reason);
            throw new DatasetException(name + ": " + reason, report, e);
        }
        if (root == null || root.isMissingNode()) {
            report.error("file", name, "the file is empty");
            throw new DatasetException(name + ": the file is empty", report);
        }
        if (!root.isArray()) {
            report.error("file", name, "results must be a JSON array of detections");
            throw new DatasetException(name + ": results must be a JSON array of detections", report);
        }
        List<CocoDetection> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            CocoDetection d = parse(root.get(i), i, report);
            if (d != null) {
                out.add(d);
            }
        }
        if (report.hasErrors()) {
            ValidationReport.Problem first = report.problems().get(0);
            int n = report.problems().size();
            throw new DatasetException(name + ": detection " + first.id() + ": " + first.reason()
                    + (n > 1 ? " (and " + (n - 1) + " more bad detections)" : ""), report);
        }
        return out;
    }

    /** Writes detections as a COCO results file. */
    public static void write(Path file, List<CocoDetection> detections) throws IOException {
        org.dsrcnn.engine.model.io.AtomicFiles.write(file, stream -> writeTo(stream, detections));
    }

    private static void writeTo(java.io.OutputStream stream, List<CocoDetection> detections) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(stream, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (CocoDetection d : detections) {
                g.writeStartObject();
                g.writeNumberField("image_id", d.imageId());
                g.writeNumberField("category_id", d.categoryId());
                g.writeArrayFieldStart("bbox");
                g.writeNumber(d.x());
                g.writeNumber(d.y());
                g.writeNumber(d.w());
                g.writeNumber(d.h());
                g.writeEndArray();
                g.writeNumberField("score", d.score());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static CocoDetection parse(JsonNode node, int index, ValidationReport report) {
        String id = "#" + index;
        if (node == null || !node.isObject()) {
            report.error("detection", id, "record is not a JSON object");
            return null;
        }
        JsonNode image = node.get("image_id");
        JsonNode category = node.get("category_id");
        JsonNode bbox = node.get("bbox");
        JsonNode score = node.get("score");
        if (image == null || !isWhole(image)) {
            report.error("detection", id, "'image_id' must be an integer, not " + image);
            return null;
        }
        if (category == null || !isWhole(category)) {
            report.error("detection", id, "'category_id' must be an integer, not " + category);
            return null;
        }
        if (bbox == null || !bbox.isArray() || bbox.size() != 4) {
            report.error("detection", id, "'bbox' must be [x, y, w, h], not " + bbox);
            return null;
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!bbox.get(i).isNumber() || !Double.isFinite(bbox.get(i).asDouble())) {
                report.error("detection", id, "'bbox' must hold 4 finite numbers, not " + bbox);
                return null;
            }
            b[i] = bbox.get(i).asDouble();
        }
        if (b[2] < 0 || b[3] < 0) {
            report.error("detection", id, "'bbox' " + bbox + " has a negative width or height");
            return null;
        }
        if (score == null || !score.isNumber() || !Double.isFinite(score.asDouble())) {
            report.error("detection", id, "'score' must be a finite number, not " + score);
            return null;
        }
        long categoryId = category.asLong();
        if (categoryId < Integer.MIN_VALUE || categoryId > Integer.MAX_VALUE) {
            report.error("detection", id, "'category_id' " + categoryId + " does not fit in 32 bits");
            return null;
        }
        return new CocoDetection(image.asLong(), (int) categoryId, b[0], b[1], b[2], b[3], score.asDouble());
    }

    private static boolean isWhole(JsonNode v) {
        return v.isIntegralNumber()
                || (v.isNumber() && Double.isFinite(v.asDouble()) && v.asDouble() == Math.rint(v.asDouble()));
    }
}
