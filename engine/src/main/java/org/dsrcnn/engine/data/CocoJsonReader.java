package org.dsrcnn.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a COCO annotation file into a {@link CocoDataset}.
 *
 * <p><b>Fatal</b> (throws {@link DatasetException}, one line: file + what is wrong; every such
 * problem is collected first so the report lists them all): the file is missing or unreadable;
 * broken JSON (with line and column); the top level is not an object; {@code images},
 * {@code annotations} or {@code categories} is missing or not an array; no categories; a record is
 * not an object, lacks a required key or has one of the wrong type (image: integer {@code id},
 * string {@code file_name}, integer {@code width}/{@code height}; annotation: integer {@code id},
 * {@code image_id}, {@code category_id}, {@code bbox} of 4 numbers; category: integer {@code id},
 * string {@code name}); two images or two categories with the same id. These mean the file is not
 * what it claims to be, and guessing would give a silently wrong dataset.
 *
 * <p><b>Skipped with a warning</b> (the rest of the dataset is usable): an image with non-positive
 * width or height, or whose file is missing (only checked when an image directory is given), with
 * all its annotations; an annotation whose image is unknown or skipped, whose category is unknown,
 * whose box has a non-finite value or zero or negative width or height, or lies entirely outside its
 * image; a second annotation with an id already seen.
 *
 * <p><b>Kept with a warning</b>: a box reaching more than 1 px outside its image (training clips it;
 * evaluation uses it as given, as pycocotools does); an {@code area} that is not a positive finite
 * number (replaced by {@code w * h}). A missing {@code area} silently becomes {@code w * h} and a
 * missing {@code iscrowd} means 0.
 */
public final class CocoJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** boxes may overshoot the image by rounding; only more than this is worth a warning. */
    private static final double OUTSIDE_TOLERANCE_PX = 1.0;

    private CocoJsonReader() {}

    /** See {@link CocoDataset#load(Path, Path)}. */
    public static CocoDataset read(Path file, Path imageDir) {
        String name = file.toString();
        ValidationReport report = new ValidationReport(name);
        JsonNode root = parse(file, report);
        if (!root.isObject()) {
            throw fatal(report, "file", name, "the top level is not a JSON object");
        }
        JsonNode imagesNode = requireArray(root, "images", report);
        JsonNode annotationsNode = requireArray(root, "annotations", report);
        JsonNode categoriesNode = requireArray(root, "categories", report);
        if (report.hasErrors()) {
            throw fatal(report);
        }

        List<CocoCategory> categories = readCategories(categoriesNode, report);
        List<CocoImage> parsedImages = readImages(imagesNode, report);
        List<RawAnnotation> parsedAnnotations = readAnnotations(annotationsNode, report);
        if (categories.isEmpty() && !report.hasErrors()) {
            report.error("file", name, "'categories' is empty: a detection dataset needs at least one class");
        }
        if (report.hasErrors()) {
            throw fatal(report);
        }

        Set<Integer> categoryIds = new HashSet<>();
        categories.forEach(c -> categoryIds.add(c.id()));
        categories.sort(Comparator.comparingInt(CocoCategory::id));

        Map<Long, CocoImage> kept = new HashMap<>();
        Set<Long> skippedImages = new HashSet<>();
        List<CocoImage> images = new ArrayList<>();
        for (CocoImage image : parsedImages) {
            String id = Long.toString(image.id());
            if (image.width() <= 0 || image.height() <= 0) {
                report.warning("image", id, "size " + image.width() + "x" + image.height()
                        + " is not positive; skipped with its annotations");
                skippedImages.add(image.id());
                continue;
            }
            if (imageDir != null && !Files.isRegularFile(imageDir.resolve(image.fileName()))) {
                report.warning("image", id, "file " + imageDir.resolve(image.fileName())
                        + " is missing; skipped with its annotations");
                skippedImages.add(image.id());
                continue;
            }
            kept.put(image.id(), image);
            images.add(image);
        }

        List<CocoAnnotation> annotations = new ArrayList<>();
        Set<Long> annotationIds = new HashSet<>();
        for (RawAnnotation raw : parsedAnnotations) {
            CocoAnnotation a = validate(raw, kept, skippedImages, categoryIds, annotationIds, report);
            if (a != null) {
                annotations.add(a);
            }
        }
        return new CocoDataset(file, imageDir, images, annotations, categories, report);
    }

    private static CocoAnnotation validate(
            RawAnnotation raw,
            Map<Long, CocoImage> images,
            Set<Long> skippedImages,
            Set<Integer> categoryIds,
            Set<Long> annotationIds,
            ValidationReport report) {
        String id = Long.toString(raw.id);
        if (!annotationIds.add(raw.id)) {
            report.warning("annotation", id, "duplicate annotation id; this later one is skipped");
            return null;
        }
        CocoImage image = images.get(raw.imageId);
        if (image == null) {
            if (!skippedImages.contains(raw.imageId)) {
                report.warning("annotation", id, "image_id " + raw.imageId + " is not in 'images'; skipped");
            }
            return null;
        }
        if (!categoryIds.contains(raw.categoryId)) {
            report.warning("annotation", id, "category_id " + raw.categoryId + " is not in 'categories'; skipped");
            return null;
        }
        double x = raw.bbox[0];
        double y = raw.bbox[1];
        double w = raw.bbox[2];
        double h = raw.bbox[3];
        String box = "bbox [" + fmt(x) + ", " + fmt(y) + ", " + fmt(w) + ", " + fmt(h) + "]";
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(w) && Double.isFinite(h))) {
            report.warning("annotation", id, box + " has a non-finite value; skipped");
            return null;
        }
        if (w <= 0 || h <= 0) {
            report.warning("annotation", id, "zero-size or negative " + box + "; skipped");
            return null;
        }
        if (x >= image.width() || y >= image.height() || x + w <= 0 || y + h <= 0) {
            report.warning("annotation", id, box + " lies entirely outside image " + image.id() + " ("
                    + image.width() + "x" + image.height() + "); skipped");
            return null;
        }
        if (x < -OUTSIDE_TOLERANCE_PX || y < -OUTSIDE_TOLERANCE_PX
                || x + w > image.width() + OUTSIDE_TOLERANCE_PX || y + h > image.height() + OUTSIDE_TOLERANCE_PX) {
            report.warning("annotation", id, box + " reaches outside image " + image.id() + " ("
                    + image.width() + "x" + image.height() + "); clipped for training");
        }
        double area = w * h;
        if (raw.area != null) {
            if (Double.isFinite(raw.area) && raw.area > 0) {
                area = raw.area;
            } else {
                report.warning("annotation", id, "area " + raw.area + " is not a positive number; w*h used");
            }
        }
        return new CocoAnnotation(raw.id, raw.imageId, raw.categoryId, x, y, w, h, area, raw.crowd);
    }

    private static JsonNode parse(Path file, ValidationReport report) {
        String name = file.toString();
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw fatal(report, "file", name, "the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw fatal(report, "file", name, org.dsrcnn.engine.errors.JsonErrors.describe(e), e);
        } catch (IOException e) {
            if (!Files.exists(file) || e instanceof NoSuchFileException) {
                throw fatal(report, "file", name, "no such file");
            }
            throw fatal(report, "file", name, "cannot read: " + firstLine(e.getMessage()), e);
        }
    }

    private static JsonNode requireArray(JsonNode root, String key, ValidationReport report) {
        JsonNode node = root.get(key);
        if (node == null) {
            report.error("file", report.source(), "missing key '" + key + "'");
        } else if (!node.isArray()) {
            report.error("file", report.source(), "'" + key + "' is not an array");
        }
        return node;
    }

    private static List<CocoCategory> readCategories(JsonNode array, ValidationReport report) {
        List<CocoCategory> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            Fields f = new Fields(array.get(i), "category", i, report);
            Long id = f.integer("id");
            String name = f.string("name");
            if (f.ok() && id != null && name != null) {
                if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
                    report.error("category", Long.toString(id), "id does not fit in 32 bits");
                } else if (!seen.add(id.intValue())) {
                    report.error("category", Long.toString(id), "duplicate category id");
                } else {
                    out.add(new CocoCategory(id.intValue(), name));
                }
            }
        }
        return out;
    }

    private static List<CocoImage> readImages(JsonNode array, ValidationReport report) {
        List<CocoImage> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            Fields f = new Fields(array.get(i), "image", i, report);
            Long id = f.integer("id");
            String fileName = f.string("file_name");
            Long width = f.integer("width");
            Long height = f.integer("height");
            if (f.ok()) {
                if (!seen.add(id)) {
                    report.error("image", Long.toString(id), "duplicate image id");
                } else {
                    out.add(new CocoImage(id, fileName, clampToInt(width), clampToInt(height)));
                }
            }
        }
        return out;
    }

    private static List<RawAnnotation> readAnnotations(JsonNode array, ValidationReport report) {
        List<RawAnnotation> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Fields f = new Fields(array.get(i), "annotation", i, report);
            Long id = f.integer("id");
            Long imageId = f.integer("image_id");
            Long categoryId = f.integer("category_id");
            double[] bbox = f.bbox("bbox");
            Double area = f.optionalNumber("area");
            boolean crowd = f.optionalFlag("iscrowd");
            if (f.ok()) {
                int category = categoryId > Integer.MAX_VALUE || categoryId < Integer.MIN_VALUE
                        ? Integer.MIN_VALUE : categoryId.intValue();
                out.add(new RawAnnotation(id, imageId, category, bbox, area, crowd));
            }
        }
        return out;
    }

    private static int clampToInt(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static DatasetException fatal(ValidationReport report, String kind, String id, String reason) {
        report.error(kind, id, reason);
        return new DatasetException(id + ": " + reason, report);
    }

    private static DatasetException fatal(
            ValidationReport report, String kind, String id, String reason, Throwable cause) {
        report.error(kind, id, reason);
        return new DatasetException(id + ": " + reason, report, cause);
    }

    private static DatasetException fatal(ValidationReport report) {
        List<ValidationReport.Problem> errors = report.problems(ValidationReport.Severity.ERROR);
        ValidationReport.Problem first = errors.get(0);
        String what = first.kind().equals("file") ? first.reason() : first.kind() + " " + first.id() + ": " + first.reason();
        String count = errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more fatal problems)";
        return new DatasetException(report.source() + ": " + what + count, report);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private record RawAnnotation(long id, long imageId, int categoryId, double[] bbox, Double area, boolean crowd) {}

    /**
     * Typed access to one record's fields; a missing or mistyped required field is reported as an
     * error against the record (by its id when it has one, else by its position).
     */
    static final class Fields {
        private final JsonNode node;
        private final String kind;
        private final ValidationReport report;
        private String id;
        private boolean ok;

        Fields(JsonNode node, String kind, int index, ValidationReport report) {
            this.node = node;
            this.kind = kind;
            this.report = report;
            this.id = "#" + index;
            this.ok = node != null && node.isObject();
            if (!ok) {
                report.error(kind, id, "record is not a JSON object");
                return;
            }
            JsonNode idNode = node.get("id");
            if (idNode != null && isWholeNumber(idNode)) {
                this.id = Long.toString(idNode.asLong());
            }
        }

        boolean ok() {
            return ok;
        }

        Long integer(String key) {
            JsonNode v = present(key);
            if (v == null) {
                return null;
            }
            if (!isWholeNumber(v)) {
                fail("'" + key + "' must be an integer, not " + v);
                return null;
            }
            return v.asLong();
        }

        String string(String key) {
            JsonNode v = present(key);
            if (v == null) {
                return null;
            }
            if (!v.isTextual()) {
                fail("'" + key + "' must be a string, not " + v);
                return null;
            }
            return v.asText();
        }

        double[] bbox(String key) {
            JsonNode v = present(key);
            if (v == null) {
                return null;
            }
            if (!v.isArray() || v.size() != 4) {
                fail("'" + key + "' must be [x, y, w, h], not " + v);
                return null;
            }
            double[] out = new double[4];
            for (int i = 0; i < 4; i++) {
                if (!v.get(i).isNumber()) {
                    fail("'" + key + "' must hold 4 numbers, not " + v);
                    return null;
                }
                out[i] = v.get(i).asDouble();
            }
            return out;
        }

        Double optionalNumber(String key) {
            if (!ok) {
                return null;
            }
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                fail("'" + key + "' must be a number, not " + v);
                return null;
            }
            return v.asDouble();
        }

        boolean optionalFlag(String key) {
            if (!ok) {
                return false;
            }
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return false;
            }
            if (v.isBoolean()) {
                return v.asBoolean();
            }
            if (isWholeNumber(v) && (v.asLong() == 0 || v.asLong() == 1)) {
                return v.asLong() == 1;
            }
            fail("'" + key + "' must be 0 or 1, not " + v);
            return false;
        }

        private JsonNode present(String key) {
            if (!ok) {
                return null;
            }
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                fail("missing key '" + key + "'");
                return null;
            }
            return v;
        }

        private void fail(String reason) {
            ok = false;
            report.error(kind, id, reason);
        }

        private static boolean isWholeNumber(JsonNode v) {
            return v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble())
                    && Double.isFinite(v.asDouble()));
        }
    }
}
