package org.dsrcnn.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.viewer.canvas.LabeledBoxes;

/**
 * One image's ground truth as a COCO annotation file: {@code images} (this image: id 1, its file
 * name and size), {@code annotations} (bbox [x, y, w, h] in pixels, area, iscrowd 0) and {@code
 * categories} (the model's class names, ids 1..K). Reading maps categories back to the model's
 * classes by name, so a file written for another model still loads where the names agree.
 */
public final class GroundTruthJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GroundTruthJson() {}

    /** The file's text. */
    public static String write(String fileName, int width, int height, List<String> classNames, LabeledBoxes gt) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode image = root.putArray("images").addObject();
        image.put("id", 1).put("file_name", fileName).put("width", width).put("height", height);
        ArrayNode anns = root.putArray("annotations");
        for (int i = 0; i < gt.size(); i++) {
            float[] b = gt.boxes()[i];
            ObjectNode a = anns.addObject();
            a.put("id", i + 1).put("image_id", 1).put("category_id", gt.labels()[i] + 1);
            a.putArray("bbox").add(b[0]).add(b[1]).add(b[2] - b[0]).add(b[3] - b[1]);
            a.put("area", (double) (b[2] - b[0]) * (b[3] - b[1])).put("iscrowd", 0);
        }
        ArrayNode cats = root.putArray("categories");
        for (int k = 0; k < classNames.size(); k++) {
            cats.addObject().put("id", k + 1).put("name", classNames.get(k));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the annotations of the file's first image.
     *
     * @throws IllegalArgumentException with one line when the file is not such a file, or names a
     *     category the model does not have
     */
    public static LabeledBoxes read(String text, List<String> classNames) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("annotations").isArray() || !root.path("categories").isArray()) {
            throw new IllegalArgumentException("not a COCO annotation file (needs annotations and categories)");
        }
        Map<Long, Integer> category = new HashMap<>();
        for (JsonNode c : root.get("categories")) {
            String name = c.path("name").asText();
            int label = classNames.indexOf(name);
            if (label < 0) {
                throw new IllegalArgumentException("category '" + name + "' is not a class of the model " + classNames);
            }
            category.put(c.path("id").asLong(), label);
        }
        long imageId = root.path("images").path(0).path("id").asLong(1);
        List<float[]> boxes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (JsonNode a : root.get("annotations")) {
            if (a.path("image_id").asLong(imageId) != imageId) {
                continue;
            }
            JsonNode b = a.path("bbox");
            if (!b.isArray() || b.size() != 4) {
                throw new IllegalArgumentException("annotation " + a.path("id") + " has no bbox [x, y, w, h]");
            }
            double x = b.get(0).asDouble();
            double y = b.get(1).asDouble();
            double w = b.get(2).asDouble();
            double h = b.get(3).asDouble();
            if (!(Double.isFinite(x) && Double.isFinite(y) && w >= 0 && h >= 0)) {
                throw new IllegalArgumentException("annotation " + a.path("id") + " has a bad bbox " + b);
            }
            Integer label = category.get(a.path("category_id").asLong());
            if (label == null) {
                throw new IllegalArgumentException("annotation " + a.path("id") + " names an unknown category "
                        + a.path("category_id"));
            }
            boxes.add(new float[] {(float) x, (float) y, (float) (x + w), (float) (y + h)});
            labels.add(label);
        }
        return new LabeledBoxes(boxes.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
