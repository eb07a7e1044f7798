package org.dsrcnn.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and validating COCO files, with real files in a temporary directory. */
class CocoDatasetTest {

    @TempDir Path dir;

    private static boolean mentions(ValidationReport report, ValidationReport.Severity severity, String kind,
            String id, String text) {
        return report.problems().stream().anyMatch(p -> p.severity() == severity && p.kind().equals(kind)
                && p.id().equals(id) && p.reason().contains(text));
    }

    @Test
    void nonContiguousCategoryIdsMapToLabelsInIdOrder() {
        CocoDataset ds = new CocoJsonBuilder().category(40, "z").category(2, "b").category(7, "k")
                .image(1, 100, 100).box(1, 40, 0, 0, 10, 10).box(1, 2, 5, 5, 10, 10).load(dir.resolve("a.json"));
        assertEquals(List.of("b", "k", "z"), ds.classNames());
        assertEquals(0, ds.labelOf(2));
        assertEquals(1, ds.labelOf(7));
        assertEquals(2, ds.labelOf(40));
        assertEquals(40, ds.categoryIdOf(2));
        assertArrayEquals(new int[] {2, 0}, ds.targets(1).labels());
        assertTrue(ds.report().isClean(), ds.report().lines().toString());
    }

    @Test
    void crowdIsKeptForEvaluationButNotInTrainingTargets() {
        CocoDataset ds = new CocoJsonBuilder().category(1, "a").image(3, 200, 100)
                .box(3, 1, 10, 20, 30, 40).crowd(3, 1, 0, 0, 100, 100).image(4, 50, 50)
                .load(dir.resolve("a.json"));
        assertEquals(2, ds.annotations(3).size());
        ImageTargets t = ds.targets(3);
        assertEquals(1, t.size());
        assertArrayEquals(new float[] {10, 20, 40, 60}, t.boxes()[0]); // xywh -> xyxy
        assertEquals(200, t.width());
        assertEquals(100, t.height());
        // an image without annotations is kept, with empty targets
        assertEquals(2, ds.size());
        assertEquals(0, ds.targets(4).size());
    }

    @Test
    void badRecordsAreSkippedWithWarningsNamingThem() throws IOException {
        Files.createDirectories(dir.resolve("img"));
        Files.write(dir.resolve("img/1.png"), new byte[] {1});
        Files.write(dir.resolve("img/3.png"), new byte[] {1});
        CocoJsonBuilder b = new CocoJsonBuilder().category(1, "a")
                .image(1, 100, 80).image(2, 100, 80).image(3, 0, 80)
                .box(1, 1, 10, 10, 20, 20) // 1: fine
                .box(1, 1, 10, 10, 0, 20) // 2: zero width
                .box(1, 1, 10, 10, 20, -3) // 3: negative height
                .box(1, 1, 150, 10, 20, 20) // 4: entirely right of the image
                .box(1, 1, 90, 70, 30, 30) // 5: reaches outside: kept, clipped for training
                .box(1, 9, 10, 10, 20, 20) // 6: unknown category
                .box(77, 1, 10, 10, 20, 20) // 7: unknown image
                .box(2, 1, 10, 10, 20, 20) // 8: image 2's file is missing: silently dropped with it
                .box(3, 1, 10, 10, 20, 20); // 9: image 3 has zero width: dropped with it
        ((com.fasterxml.jackson.databind.node.ObjectNode) b.annotations().get(0)).put("area", -5.0); // 1: bad area -> w*h
        b.annotations().addObject().put("id", 1).put("image_id", 1).put("category_id", 1)
                .putArray("bbox").add(1).add(1).add(5).add(5); // duplicate id 1
        CocoDataset ds = CocoDataset.load(b.write(dir.resolve("a.json")), dir.resolve("img"));
        ValidationReport r = ds.report();
        var W = ValidationReport.Severity.WARNING;
        assertTrue(mentions(r, W, "annotation", "2", "zero-size"), r.lines().toString());
        assertTrue(mentions(r, W, "annotation", "3", "zero-size or negative"));
        assertTrue(mentions(r, W, "annotation", "4", "entirely outside"));
        assertTrue(mentions(r, W, "annotation", "5", "clipped"));
        assertTrue(mentions(r, W, "annotation", "6", "category_id 9"));
        assertTrue(mentions(r, W, "annotation", "7", "image_id 77"));
        assertTrue(mentions(r, W, "image", "2", "is missing"));
        assertTrue(mentions(r, W, "image", "3", "not positive"));
        assertTrue(mentions(r, W, "annotation", "1", "duplicate"));
        assertTrue(mentions(r, W, "annotation", "1", "area -5.0"));
        assertFalse(r.hasErrors());
        assertEquals(10, r.problems().size(), r.lines().toString());

        assertEquals(List.of(1L), ds.images().stream().map(CocoImage::id).toList());
        assertEquals(List.of(1L, 5L), ds.annotations().stream().map(CocoAnnotation::id).toList());
        assertEquals(400.0, ds.annotations().get(0).area());
        ImageTargets t = ds.targets(1);
        assertArrayEquals(new float[] {90, 70, 100, 80}, t.boxes()[1]); // clipped to 100x80
        assertTrue(r.summary().startsWith(dir.resolve("a.json") + ": 0 errors, 10 warnings (first: "), r.summary());
    }

    @Test
    void brokenJsonIsOneLineWithFileAndPosition() throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"images\": [\n  {\"id\": 1,, \"file_name\": \"a.png\"}\n]}");
        DatasetException e = assertThrows(DatasetException.class, () -> CocoDataset.load(f, null));
        assertTrue(e.getMessage().startsWith(f + ": broken JSON at line 2, column "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void missingFileEmptyFileAndWrongTopLevelAreFatal() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": no such file",
                assertThrows(DatasetException.class, () -> CocoDataset.load(missing, null)).getMessage());
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertEquals(empty + ": the file is empty",
                assertThrows(DatasetException.class, () -> CocoDataset.load(empty, null)).getMessage());
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        assertEquals(array + ": the top level is not a JSON object",
                assertThrows(DatasetException.class, () -> CocoDataset.load(array, null)).getMessage());
    }

    @Test
    void missingKeysAndMalformedRecordsAreFatalAndAllListed() throws IOException {
        Path noImages = Files.writeString(dir.resolve("a.json"), "{\"annotations\": [], \"categories\": {}}");
        DatasetException e = assertThrows(DatasetException.class, () -> CocoDataset.load(noImages, null));
        assertEquals(noImages + ": missing key 'images' (and 1 more fatal problems)", e.getMessage());
        assertTrue(e.report().lines().contains("ERROR file " + noImages + ": 'categories' is not an array"));

        CocoJsonBuilder b = new CocoJsonBuilder().category(1, "a").image(1, 10, 10);
        b.annotations().addObject().put("id", 12).put("image_id", 1).put("category_id", 1); // no bbox
        b.annotations().addObject().put("id", 13).put("image_id", 1).put("category_id", 1)
                .putArray("bbox").add(1).add(2).add(3); // 3 numbers
        b.images().addObject().put("id", "x").put("file_name", "b.png").put("width", 5).put("height", 5);
        DatasetException e2 = assertThrows(DatasetException.class, () -> b.load(dir.resolve("b.json")));
        assertEquals(dir.resolve("b.json") + ": image #1: 'id' must be an integer, not \"x\" (and 2 more fatal problems)",
                e2.getMessage());
        assertTrue(e2.report().lines().contains("ERROR annotation 12: missing key 'bbox'"), e2.report().lines().toString());
        assertTrue(e2.report().lines().contains("ERROR annotation 13: 'bbox' must be [x, y, w, h], not [1,2,3]"));
    }

    @Test
    void duplicateImageOrCategoryIdsAreFatal() {
        CocoJsonBuilder b = new CocoJsonBuilder().category(1, "a").category(1, "b").image(5, 10, 10).image(5, 10, 10);
        DatasetException e = assertThrows(DatasetException.class, () -> b.load(dir.resolve("d.json")));
        assertEquals(dir.resolve("d.json") + ": category 1: duplicate category id (and 1 more fatal problems)",
                e.getMessage());
        assertTrue(e.report().lines().contains("ERROR image 5: duplicate image id"));
    }

    @Test
    void noCategoriesIsFatal() {
        CocoJsonBuilder b = new CocoJsonBuilder().image(5, 10, 10);
        DatasetException e = assertThrows(DatasetException.class, () -> b.load(dir.resolve("d.json")));
        assertTrue(e.getMessage().contains("'categories' is empty"), e.getMessage());
    }

    @Test
    void loadSplitUsesTheGenShapesLayout() throws IOException {
        Files.createDirectories(dir.resolve("val"));
        Files.write(dir.resolve("val/000001.png"), new byte[] {1});
        new CocoJsonBuilder().category(1, "a").image(1, "000001.png", 10, 10)
                .write(dir.resolve("annotations/val.json"));
        CocoDataset ds = CocoDataset.loadSplit(dir, "val");
        assertEquals(1, ds.size());
        assertEquals(dir.resolve("val/000001.png"), ds.imagePath(ds.images().get(0)));
    }
}
