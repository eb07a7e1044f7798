package org.dsrcnn.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key of the golden checkpoint must map; a renamed, missing or mis-shaped one is named. */
class CheckpointImportTest {

    @TempDir Path dir;

    private String importError(Consumer<Map<String, CheckpointTensor>> change) {
        CheckpointReader.Checkpoint read = CheckpointReader.read(GoldenFixture.checkpoint());
        Map<String, CheckpointTensor> tensors = new LinkedHashMap<>(read.tensors());
        change.accept(tensors);
        CheckpointReader.Checkpoint altered = new CheckpointReader.Checkpoint(read.format(), tensors, read.otherEntries());
        Path out = dir.resolve("m");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckpointImport.importRead(altered, GoldenFixture.checkpoint(), out, 8));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(Files.exists(out), "nothing is written when the import fails");
        return e.getMessage();
    }

    @Test
    void renamedKeyIsNamedBothWays() {
        String m = importError(t -> t.put("head.head_series.2.norm_1.weight", t.remove("head.head_series.2.norm1.weight")));
        assertTrue(m.contains("unexpected key head.head_series.2.norm_1.weight"), m);
        assertTrue(m.contains("missing key head.head_series.2.norm1.weight"), m);
    }

    @Test
    void missingKeyIsNamed() {
        String m = importError(t -> t.remove("backbone.fpn_output3.bias"));
        assertTrue(m.contains("missing key backbone.fpn_output3.bias (16,)"), m);
        String stem = importError(t -> t.remove("backbone.bottom_up.stem.conv1.weight"));
        assertTrue(stem.contains("missing key backbone.bottom_up.stem.conv1.weight"), stem);
    }

    @Test
    void wrongShapeIsNamedWithBothShapes() {
        String m = importError(t -> t.put("head.head_series.0.bboxes_delta.weight",
                new CheckpointTensor(ScalarType.FLOAT32, new long[] {5, 16}, new float[80])));
        assertTrue(m.contains("key head.head_series.0.bboxes_delta.weight has shape (5, 16), expected (4, 16)"), m);
    }

    @Test
    void keysOutsideTheOfficialDetectorAreNamed() {
        String m = importError(t -> t.put("pixel_mean", new CheckpointTensor(ScalarType.FLOAT32, new long[] {3},
                new float[3])));
        assertTrue(m.contains("unexpected key pixel_mean"), m);
        String extraBlock = importError(t -> t.put("backbone.bottom_up.res2.0.conv4.weight",
                t.get("backbone.bottom_up.res2.0.conv3.weight")));
        assertTrue(extraBlock.contains("unexpected key backbone.bottom_up.res2.0.conv4.weight"), extraBlock);
    }

    @Test
    void importCachedImportsOncePerFileContents() throws Exception {
        Path cache = dir.resolve("cache");
        Path first = CheckpointImport.importCached(GoldenFixture.checkpoint(), cache);
        Path json = first.resolve(ModelFiles.MODEL_JSON);
        FileTime written = Files.getLastModifiedTime(json);
        assertEquals(first, CheckpointImport.importCached(GoldenFixture.checkpoint(), cache));
        assertEquals(written, Files.getLastModifiedTime(json), "the second call reuses the cached model");
        assertTrue(first.getFileName().toString().startsWith("sparse_rcnn_golden-"));
        // other contents under the same name: another cache entry
        Path copy = dir.resolve("other/sparse_rcnn_golden.pth");
        Files.createDirectories(copy.getParent());
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(GoldenFixture.checkpoint().toFile());
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            for (var en = in.entries(); en.hasMoreElements(); ) {
                var e = en.nextElement();
                out.putNextEntry(new java.util.zip.ZipEntry("renamed/" + e.getName().substring(e.getName().indexOf('/') + 1)));
                try (var data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Path second = CheckpointImport.importCached(copy, cache);
        assertNotEquals(first, second);
        assertTrue(Files.isRegularFile(second.resolve(ModelFiles.MODEL_JSON)));
    }
}
