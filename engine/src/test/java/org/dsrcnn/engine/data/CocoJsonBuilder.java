package org.dsrcnn.engine.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: writes small COCO annotation files. */
public final class CocoJsonBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectNode root = MAPPER.createObjectNode();
    private final ArrayNode images = root.putArray("images");
    private final ArrayNode annotations = root.putArray("annotations");
    private final ArrayNode categories = root.putArray("categories");
    private long nextAnnotationId = 1;

    public CocoJsonBuilder category(int id, String name) {
        categories.addObject().put("id", id).put("name", name);
        return this;
    }

    public CocoJsonBuilder image(long id, int width, int height) {
        return image(id, id + ".png", width, height);
    }

    public CocoJsonBuilder image(long id, String fileName, int width, int height) {
        images.addObject().put("id", id).put("file_name", fileName).put("width", width).put("height", height);
        return this;
    }

    /** A box annotation [x, y, w, h] with area w*h implied (no area field). */
    public CocoJsonBuilder box(long imageId, int categoryId, double x, double y, double w, double h) {
        annotation(imageId, categoryId, x, y, w, h);
        return this;
    }

    /** A box annotation with an explicit area field. */
    public CocoJsonBuilder box(long imageId, int categoryId, double x, double y, double w, double h, double area) {
        annotation(imageId, categoryId, x, y, w, h).put("area", area);
        return this;
    }

    /** A crowd region. */
    public CocoJsonBuilder crowd(long imageId, int categoryId, double x, double y, double w, double h) {
        annotation(imageId, categoryId, x, y, w, h).put("iscrowd", 1);
        return this;
    }

    /** The raw annotation array, for malformed records. */
    public ArrayNode annotations() {
        return annotations;
    }

    public ArrayNode images() {
        return images;
    }

    public ObjectNode root() {
        return root;
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes and loads without an image directory. */
    public CocoDataset load(Path file) {
        return CocoDataset.load(write(file), null);
    }

    private ObjectNode annotation(long imageId, int categoryId, double x, double y, double w, double h) {
        ObjectNode a = annotations.addObject();
        a.put("id", nextAnnotationId++).put("image_id", imageId).put("category_id", categoryId);
        a.putArray("bbox").add(x).add(y).add(w).add(h);
        a.put("iscrowd", 0);
        return a;
    }
}
