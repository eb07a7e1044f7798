package org.dsrcnn.engine.data.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.data.CocoDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesDatasetWriterTest {

    @TempDir Path dir;

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void sameSeedGivesByteIdenticalOutput() throws IOException {
        AtomicLong progress = new AtomicLong();
        new ShapesDatasetWriter(96, 5).write(dir.resolve("a"), 6, 3, progress::addAndGet);
        new ShapesDatasetWriter(96, 5).write(dir.resolve("b"), 6, 3, n -> { });
        new ShapesDatasetWriter(96, 6).write(dir.resolve("c"), 6, 3, n -> { });
        assertEquals(9, progress.get());
        List<Path> names = files(dir.resolve("a"));
        assertEquals(6 + 3 + 2, names.size());
        assertEquals(names, files(dir.resolve("b")));
        for (Path name : names) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name)),
                    Files.readAllBytes(dir.resolve("b").resolve(name)), name.toString());
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/train/000001.png")),
                Files.readAllBytes(dir.resolve("c/train/000001.png"))));
    }

    @Test
    void writesACocoDatasetThatLoadsCleanly() throws IOException {
        ShapesDatasetWriter.Summary s = new ShapesDatasetWriter(128, 9).write(dir, 10, 4, n -> { });
        CocoDataset train = CocoDataset.loadSplit(dir, "train");
        CocoDataset val = CocoDataset.loadSplit(dir, "val");
        assertTrue(train.report().isClean(), train.report().lines().toString());
        assertTrue(val.report().isClean(), val.report().lines().toString());
        assertEquals(10, train.size());
        assertEquals(4, val.size());
        assertEquals(List.of("circle", "square", "triangle", "star", "hexagon", "cross", "ring", "arrow"),
                train.classNames());
        assertEquals(Presets.load("small").head().numClasses(), train.numClasses());
        assertEquals(s.objects(), train.annotations().size() + val.annotations().size());
        assertEquals(s.objects(), s.small() + s.medium() + s.large());
        assertEquals(128, train.images().get(0).width());
        assertTrue(Files.isRegularFile(dir.resolve("train/000010.png")));
        assertTrue(Files.isRegularFile(dir.resolve("val/000004.png")));
        // the labels are what the generator drew
        Scene first = new SceneGenerator(128).generate(9, 0, 0);
        var a = train.annotations(1);
        assertEquals(first.objects().size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            SceneObject o = first.objects().get(i);
            assertEquals(o.shape().categoryId(), a.get(i).categoryId());
            assertArrayEquals(new double[] {o.x(), o.y(), o.w(), o.h(), o.area()},
                    new double[] {a.get(i).x(), a.get(i).y(), a.get(i).w(), a.get(i).h(), a.get(i).area()});
        }
    }
}
