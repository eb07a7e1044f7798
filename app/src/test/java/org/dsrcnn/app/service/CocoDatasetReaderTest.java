package org.dsrcnn.app.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dsrcnn.viewer.canvas.LabeledBoxes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoDatasetReaderTest {

    /** DIR/annotations/val.json + DIR/val/{a,b}.png, categories 10 "star" and 3 "circle" (not contiguous). */
    private static Path dataset(Path dir, String extraAnnotation) throws Exception {
        Files.createDirectories(dir.resolve("annotations"));
        Files.createDirectories(dir.resolve("val"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("val/a.png").toFile());
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("val/b.png").toFile());
        String json = """
                {"images": [{"id": 5, "file_name": "a.png", "width": 40, "height": 30},
                            {"id": 9, "file_name": "b.png", "width": 20, "height": 20}],
                 "annotations": [{"id": 1, "image_id": 5, "category_id": 10, "bbox": [2, 3, 10, 5]},
                                 {"id": 2, "image_id": 5, "category_id": 3, "bbox": [30, 20, 15, 15]}%s],
                 "categories": [{"id": 10, "name": "star"}, {"id": 3, "name": "circle"}]}
                """.formatted(extraAnnotation);
        Path file = dir.resolve("annotations/val.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void readsImagesBoxesAndIdsInTheGenShapesLayout(@TempDir Path dir) throws Exception {
        Path file = dataset(dir, "");
        AnnotatedImages d = new CocoDatasetReader().read(file);
        assertEquals(dir.resolve("val").toAbsolutePath(), CocoDatasetReader.imageDirOf(file));
        assertEquals(dir.getFileName() + " · val", d.name());
        assertEquals(List.of("a.png", "b.png"), d.images().stream().map(p -> p.getFileName().toString()).toList());
        Path a = d.images().get(0);
        assertEquals(5L, d.imageIds().get(a));
        // categories sorted by id: 3 "circle" -> label 0, 10 "star" -> label 1
        assertEquals(List.of("circle", "star"), d.classNames());
        assertEquals(List.of(3, 10), d.categoryIds());
        LabeledBoxes gt = d.groundTruth().get(a);
        assertEquals(2, gt.size());
        // [x, y, w, h] = [2, 3, 10, 5] -> xyxy [2, 3, 12, 8], star = label 1
        assertArrayEquals(new float[] {2, 3, 12, 8}, gt.boxes()[0]);
        assertEquals(1, gt.labels()[0]);
        // [30, 20, 15, 15] reaches past the 40x30 image: clipped to [30, 20, 40, 30]
        assertArrayEquals(new float[] {30, 20, 40, 30}, gt.boxes()[1]);
        assertEquals(0, gt.size() == 2 ? gt.labels()[1] : -1);
        assertEquals(0, d.groundTruth().get(d.images().get(1)).size());
        assertTrue(d.problems().contains("warning"), d.problems()); // the overshooting box is reported
    }

    @Test
    void modelLabelsMapByName(@TempDir Path dir) throws Exception {
        AnnotatedImages d = new CocoDatasetReader().read(dataset(dir, ""));
        List<String> model = List.of("circle", "square", "triangle", "star");
        LabeledBoxes gt = d.groundTruthFor(d.images().get(0), model);
        assertArrayEquals(new int[] {3, 0}, gt.labels()); // star -> 3, circle -> 0 in the model's order
        assertEquals(10, d.categoryIdFor(3, model));        // model "star" -> dataset category 10
        assertEquals(3, d.categoryIdFor(0, model));         // model "circle" -> 3
        assertEquals(2, d.categoryIdFor(1, model));         // "square" is not in the dataset -> label + 1
    }

    @Test
    void brokenFilesGiveOneLineReasons(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"images\": [}");
        Exception e = assertThrows(IllegalArgumentException.class, () -> new CocoDatasetReader().read(bad));
        assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("bad.json"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CocoDatasetReader().read(dir.resolve("none.json")));
    }
}
