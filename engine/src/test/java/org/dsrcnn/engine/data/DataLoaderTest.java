package org.dsrcnn.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {

    @TempDir Path dir;

    /**
     * Writes {@code n} small PNGs (image i is 40+i wide, 30 high, filled with grey level 10*i, one box)
     * and their annotations; returns the loaded dataset.
     */
    private CocoDataset dataset(int n, int... corrupt) throws IOException {
        Path images = Files.createDirectories(dir.resolve("train"));
        CocoJsonBuilder b = new CocoJsonBuilder().category(1, "a");
        for (int i = 0; i < n; i++) {
            int w = 40 + i;
            BufferedImage img = new BufferedImage(w, 30, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < w; x++) {
                    img.setRGB(x, y, (10 * i) * 0x010101);
                }
            }
            String name = String.format("%03d.png", i + 1);
            final int index = i;
            if (Arrays.stream(corrupt).anyMatch(c -> c == index)) {
                Files.write(images.resolve(name), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
            } else {
                ImageIO.write(img, "png", images.resolve(name).toFile());
            }
            b.image(i + 1, name, w, 30).box(i + 1, 1, 2, 3, 10, 12);
        }
        return CocoDataset.load(b.write(dir.resolve("annotations/train.json")), images);
    }

    private static DsrcnnConfig config(int batchSize, long seed) {
        DsrcnnConfig c = Presets.with(Presets.load("small"), "solver.batchSize", Integer.toString(batchSize));
        c = Presets.with(c, "solver.seed", Long.toString(seed));
        return Presets.with(c, "input.trainShortSides", "[24, 30, 36]");
    }

    private static long[] ids(List<PreparedImage> batch) {
        return batch.stream().mapToLong(PreparedImage::imageId).toArray();
    }

    @Test
    void everyImageOncePerEpochAndBatchesCrossEpochBoundaries() {
        BatchSchedule s = new BatchSchedule(10, 4, 7);
        List<Integer> stream = new ArrayList<>();
        for (long t = 0; t < 5; t++) { // 20 positions = 2 epochs
            for (int i : s.batch(t)) {
                stream.add(i);
            }
        }
        List<Integer> first = new ArrayList<>(stream.subList(0, 10));
        List<Integer> second = new ArrayList<>(stream.subList(10, 20));
        assertNotEquals(first, second, "each epoch has its own order");
        first.sort(null);
        second.sort(null);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), first);
        assertEquals(first, second);
        assertNotEquals(Arrays.toString(s.batch(0)), Arrays.toString(new BatchSchedule(10, 4, 8).batch(0)));
    }

    @Test
    void resumingAtAnIterationContinuesTheExactSameSequence() throws IOException {
        CocoDataset ds = dataset(7);
        DataLoader loader = new DataLoader(ds, config(3, 42));
        List<List<PreparedImage>> straight = new ArrayList<>();
        try (DataLoader.BatchIterator it = loader.iterator(0)) {
            for (int t = 0; t < 8; t++) {
                straight.add(it.next());
            }
        }
        // a new loader (as after a restart), resumed at iteration 5
        DataLoader again = new DataLoader(dataset(7), config(3, 42));
        try (DataLoader.BatchIterator it = again.iterator(5)) {
            assertEquals(5, it.nextIteration());
            for (int t = 5; t < 8; t++) {
                List<PreparedImage> resumed = it.next();
                List<PreparedImage> expected = straight.get(t);
                assertArrayEquals(ids(expected), ids(resumed));
                for (int i = 0; i < resumed.size(); i++) {
                    assertEquals(expected.get(i).resize(), resumed.get(i).resize());
                    assertArrayEquals(expected.get(i).chw(), resumed.get(i).chw());
                    assertArrayEquals(expected.get(i).targets().boxes()[0], resumed.get(i).targets().boxes()[0]);
                }
            }
            assertEquals(8, it.nextIteration());
        }
        // the augmentation varies: over 24 images both flips and several sizes occur
        long flips = straight.stream().flatMap(List::stream).filter(p -> p.resize().flipped()).count();
        long sizes = straight.stream().flatMap(List::stream).mapToInt(PreparedImage::height).distinct().count();
        assertTrue(flips > 0 && flips < 24, "flips " + flips);
        assertEquals(3, sizes);
    }

    @Test
    void undecodableImagesAreReportedOnceAndReplaced() throws IOException {
        CocoDataset ds = dataset(6, 2); // image id 3 is corrupt
        List<String> skipped = new CopyOnWriteArrayList<>();
        DataLoader loader = new DataLoader(ds, config(4, 1)).onSkip(skipped::add);
        List<long[]> batches = new ArrayList<>();
        try (DataLoader.BatchIterator it = loader.iterator(0)) {
            for (int t = 0; t < 6; t++) {
                List<PreparedImage> b = it.next();
                assertEquals(4, b.size(), "batches stay full");
                batches.add(ids(b));
            }
        }
        assertEquals(1, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).startsWith("skipping image 3: "), skipped.get(0));
        assertEquals(List.of(3L), List.copyOf(loader.skippedImages().keySet()));
        batches.forEach(b -> assertFalse(Arrays.stream(b).anyMatch(id -> id == 3)));
        // resumption substitutes the same way
        DataLoader again = new DataLoader(ds, config(4, 1));
        for (int t = 0; t < 6; t++) {
            assertArrayEquals(batches.get(t), ids(again.prepareBatch(t)), "iteration " + t);
        }
    }

    @Test
    void aSplitWithNoDecodableImageFailsWithOneLine() throws IOException {
        CocoDataset ds = dataset(2, 0, 1);
        DataLoader loader = new DataLoader(ds, config(2, 1));
        try (DataLoader.BatchIterator it = loader.iterator(0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
            assertTrue(e.getMessage().startsWith("no image of "), e.getMessage());
            assertFalse(it.hasNext());
        }
    }

    @Test
    void nextBatchCollatesWithPadding() throws IOException {
        DataLoader loader = new DataLoader(dataset(4), config(2, 3));
        try (DataLoader.BatchIterator it = loader.iterator(0); NDManager m = NDManager.newBaseManager();
                Batch b = it.nextBatch(m)) {
            Shape s = b.images().getShape();
            assertEquals(2, s.get(0));
            assertEquals(3, s.get(1));
            assertEquals(0, s.get(2) % 32);
            assertEquals(0, s.get(3) % 32);
            assertEquals(2, b.targets().size());
        }
    }
}
