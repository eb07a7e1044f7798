package org.dsrcnn.engine.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads a {@link DetectionTrace} as JSON: the file {@code dsrcnn infer --trace} writes
 * and the explorer exports and opens.
 *
 * <pre>{@code
 * {
 *   "format": "dsrcnn-trace", "version": 1,
 *   "imageWidth": 640, "imageHeight": 427,
 *   "classNames": ["circle", ...],                          // K names
 *   "stages": [ {"stage": 0, "boxes": [[x1,y1,x2,y2], ...], "logits": null},
 *               {"stage": 1, "boxes": [...], "logits": [[l_0..l_K-1], ...]}, ... ],  // T + 1
 *   "experts": {"tau": 1.0, "weights": [[w_0..w_Ne-1], ...],  // (Np, Ne), or null
 *               "expertBoxes": [[[x1,y1,x2,y2], ...], ...]}  // (Ne, Np, 4)
 *   "detections": [ {"proposal": 7, "label": 2, "className": "square", "score": 0.93,
 *                    "box": [x1,y1,x2,y2]}, ... ],
 *   "timingsMs": {"backbone": 41.2, ..., "total": 120.5}
 * }
 * }</pre>
 *
 * All boxes are xyxy in original-image pixels. Reading checks every shape against the others
 * and fails with a one-line {@link IllegalArgumentException} naming the first inconsistency.
 */
public final class TraceJson {

    /** The value of the {@code "format"} field. */
    public static final String FORMAT = "dsrcnn-trace";

    /** The version this class writes and reads. */
    public static final int VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private TraceJson() {}

    /** Writes the trace to a file (UTF-8, compact: a 300 x 7 trace is a few hundred KB). */
    public static void write(DetectionTrace trace, Path file) throws IOException {
        org.dsrcnn.engine.model.io.AtomicFiles.write(file, stream -> {
            Writer out = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
            write(trace, out);
            out.flush();
        });
    }

    /** The trace as a JSON string. */
    public static String toJson(DetectionTrace trace) {
        StringWriter out = new StringWriter();
        try {
            write(trace, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the trace to a character stream; the stream is left open. */
    public static void write(DetectionTrace trace, Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeNumberField("imageWidth", trace.imageWidth());
        g.writeNumberField("imageHeight", trace.imageHeight());
        g.writeArrayFieldStart("classNames");
        for (String name : trace.classNames()) {
            g.writeString(name);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("stages");
        for (StageTrace stage : trace.stages()) {
            g.writeStartObject();
            g.writeNumberField("stage", stage.stage());
            g.writeFieldName("boxes");
            writeMatrix(g, stage.boxes());
            g.writeFieldName("logits");
            if (stage.logits() == null) {
                g.writeNull();
            } else {
                writeMatrix(g, stage.logits());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("experts");
        ExpertTrace experts = trace.experts();
        if (experts == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("tau", experts.tau());
            g.writeFieldName("weights");
            writeMatrix(g, experts.weights());
            g.writeArrayFieldStart("expertBoxes");
            for (float[][] boxes : experts.expertBoxes()) {
                writeMatrix(g, boxes);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeArrayFieldStart("detections");
        for (Detection d : trace.detections()) {
            g.writeStartObject();
            g.writeNumberField("proposal", d.proposal());
            g.writeNumberField("label", d.label());
            if (d.label() >= 0 && d.label() < trace.classNames().size()) {
                g.writeStringField("className", trace.classNames().get(d.label()));
            }
            g.writeNumberField("score", d.score());
            g.writeFieldName("box");
            writeRow(g, d.box());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("timingsMs");
        for (Map.Entry<String, Double> e : trace.timingsMs().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
    }

    /**
     * Reads a trace file.
     *
     * @throws IllegalArgumentException with a one-line reason when the file is not a valid trace
     * @throws IOException when the file cannot be read
     */
    public static DetectionTrace read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a trace JSON file " + file.getFileName() + ": " + e.getOriginalMessage(), e);
        }
        return fromTree(root);
    }

    /**
     * Parses a trace from a JSON string.
     *
     * @throws IllegalArgumentException with a one-line reason when it is not a valid trace
     */
    public static DetectionTrace fromJson(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not trace JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static DetectionTrace fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("trace JSON must be an object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a trace: \"format\" is not \"" + FORMAT + "\"");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException(
                    "unsupported trace version " + root.path("version") + " (expected " + VERSION + ")");
        }
        int width = positiveInt(root, "imageWidth");
        int height = positiveInt(root, "imageHeight");
        List<String> classNames = new ArrayList<>();
        for (JsonNode n : array(root, "classNames")) {
            classNames.add(n.asText());
        }
        int k = classNames.size();

        JsonNode stagesNode = array(root, "stages");
        if (stagesNode.isEmpty()) {
            throw new IllegalArgumentException("trace has no stages");
        }
        List<StageTrace> stages = new ArrayList<>();
        int n = -1;
        for (JsonNode s : stagesNode) {
            int index = s.path("stage").asInt(-1);
            if (index != stages.size()) {
                throw new IllegalArgumentException(
                        "stage " + stages.size() + " is numbered " + s.path("stage"));
            }
            float[][] boxes = matrix(s.path("boxes"), 4, "stage " + index + " boxes");
            if (n < 0) {
                n = boxes.length;
            } else if (boxes.length != n) {
                throw new IllegalArgumentException(
                        "stage " + index + " has " + boxes.length + " boxes, stage 0 has " + n);
            }
            JsonNode logitsNode = s.path("logits");
            float[][] logits = null;
            if (!logitsNode.isNull() && !logitsNode.isMissingNode()) {
                logits = matrix(logitsNode, k, "stage " + index + " logits");
                if (logits.length != n) {
                    throw new IllegalArgumentException(
                            "stage " + index + " has " + logits.length + " logit rows for " + n + " boxes");
                }
            } else if (index > 0) {
                throw new IllegalArgumentException("stage " + index + " has no logits");
            }
            stages.add(new StageTrace(index, boxes, logits));
        }

        ExpertTrace experts = null;
        JsonNode e = root.path("experts");
        if (!e.isNull() && !e.isMissingNode()) {
            JsonNode boxesNode = array(e, "expertBoxes");
            int ne = boxesNode.size();
            float[][] weights = matrix(e.path("weights"), ne, "expert weights");
            if (weights.length != n) {
                throw new IllegalArgumentException(
                        "expert weights have " + weights.length + " rows for " + n + " proposals");
            }
            float[][][] expertBoxes = new float[ne][][];
            for (int i = 0; i < ne; i++) {
                expertBoxes[i] = matrix(boxesNode.get(i), 4, "expert " + i + " boxes");
                if (expertBoxes[i].length != n) {
                    throw new IllegalArgumentException(
                            "expert " + i + " has " + expertBoxes[i].length + " boxes for " + n + " proposals");
                }
            }
            experts = new ExpertTrace(weights, expertBoxes, e.path("tau").asDouble(1.0));
        }

        List<Detection> detections = new ArrayList<>();
        for (JsonNode d : array(root, "detections")) {
            int proposal = d.path("proposal").asInt(-1);
            int label = d.path("label").asInt(-1);
            if (proposal < 0 || proposal >= n) {
                throw new IllegalArgumentException("detection proposal " + d.path("proposal") + " not in 0.." + (n - 1));
            }
            if (label < 0 || label >= k) {
                throw new IllegalArgumentException("detection label " + d.path("label") + " not in 0.." + (k - 1));
            }
            float[] box = row(d.path("box"), 4, "detection box");
            detections.add(new Detection(proposal, label, (float) d.path("score").asDouble(), box));
        }

        Map<String, Double> timings = new LinkedHashMap<>();
        JsonNode t = root.path("timingsMs");
        if (t.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                timings.put(entry.getKey(), entry.getValue().asDouble());
            }
        }
        return new DetectionTrace(width, height, List.copyOf(classNames), List.copyOf(stages), experts,
                List.copyOf(detections), timings);
    }

    private static void writeMatrix(JsonGenerator g, float[][] m) throws IOException {
        g.writeStartArray();
        for (float[] row : m) {
            writeRow(g, row);
        }
        g.writeEndArray();
    }

    private static void writeRow(JsonGenerator g, float[] row) throws IOException {
        g.writeStartArray();
        for (float v : row) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private static int positiveInt(JsonNode root, String field) {
        JsonNode v = root.path(field);
        if (!v.canConvertToInt() || v.asInt() <= 0) {
            throw new IllegalArgumentException("\"" + field + "\" must be a positive integer, got " + v);
        }
        return v.asInt();
    }

    private static JsonNode array(JsonNode parent, String field) {
        JsonNode v = parent.path(field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array");
        }
        return v;
    }

    /** A JSON (rows, cols) array of numbers as float[rows][cols]; every row must have cols entries. */
    private static float[][] matrix(JsonNode node, int cols, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(what + " must be an array of rows");
        }
        float[][] m = new float[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = row(node.get(i), cols, what + " row " + i);
        }
        return m;
    }

    private static float[] row(JsonNode node, int cols, String what) {
        if (node == null || !node.isArray() || node.size() != cols) {
            throw new IllegalArgumentException(
                    what + " must have " + cols + " numbers, got " + (node == null ? "nothing" : node.toString()));
        }
        float[] r = new float[cols];
        for (int j = 0; j < cols; j++) {
            JsonNode v = node.get(j);
            if (!v.isNumber() && !v.isTextual()) {
                throw new IllegalArgumentException(what + " holds a non-number: " + v);
            }
            r[j] = (float) v.asDouble(Double.NaN);
        }
        return r;
    }
}
