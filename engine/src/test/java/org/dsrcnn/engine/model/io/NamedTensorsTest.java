package org.dsrcnn.engine.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips and every way a tensor file can be damaged. */
class NamedTensorsTest {

    @TempDir Path dir;

    private Path writeSample(NDManager m) throws IOException {
        Map<String, NDArray> t = new LinkedHashMap<>();
        t.put("a.weight", m.create(new float[] {1, -2, 3.5f, 4, 5, 6}, new Shape(2, 3)));
        t.put("scalar", m.create(7.25f));
        t.put("steps", m.create(new long[] {1, 2, 3}));
        t.put("mask", m.create(new boolean[] {true, false}));
        t.put("empty", m.create(new float[0], new Shape(0, 4)));
        Path f = dir.resolve("t.dsrt");
        NamedTensors.write(t, f);
        return f;
    }

    @Test
    void roundTripKeepsNamesOrderShapesTypesAndValues() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Path f = writeSample(m);
            Map<String, NDArray> r = NamedTensors.read(f, m);
            assertEquals(List.of("a.weight", "scalar", "steps", "mask", "empty"), List.copyOf(r.keySet()));
            assertEquals(new Shape(2, 3), r.get("a.weight").getShape());
            assertArrayEquals(new float[] {1, -2, 3.5f, 4, 5, 6}, r.get("a.weight").toFloatArray());
            assertEquals(new Shape(), r.get("scalar").getShape());
            assertEquals(7.25f, r.get("scalar").getFloat());
            assertEquals(DataType.INT64, r.get("steps").getDataType());
            assertArrayEquals(new long[] {1, 2, 3}, r.get("steps").toLongArray());
            assertArrayEquals(new boolean[] {true, false}, r.get("mask").toBooleanArray());
            assertEquals(new Shape(0, 4), r.get("empty").getShape());
            assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void everyTruncationFailsWithAOneLineReason() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Path f = writeSample(m);
            byte[] all = Files.readAllBytes(f);
            Path cut = dir.resolve("cut.dsrt");
            for (int len = 0; len < all.length; len += 3) {
                Files.write(cut, java.util.Arrays.copyOf(all, len));
                IllegalArgumentException e =
                        assertThrows(IllegalArgumentException.class, () -> NamedTensors.read(cut, m), "length " + len);
                assertFalse(e.getMessage().contains("\n"));
                assertTrue(e.getMessage().startsWith("bad tensor file cut.dsrt: "), e.getMessage());
            }
        }
    }

    @Test
    void corruptedBytesAndForeignFilesAreRejected() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Path f = writeSample(m);
            byte[] all = Files.readAllBytes(f);
            byte[] flipped = all.clone();
            flipped[all.length - 20] ^= 0x10; // inside the last tensor's data
            Path bad = dir.resolve("bad.dsrt");
            Files.write(bad, flipped);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> NamedTensors.read(bad, m))
                    .getMessage().contains("checksum"));
            byte[] longer = java.util.Arrays.copyOf(all, all.length + 1);
            Files.write(bad, longer);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> NamedTensors.read(bad, m))
                    .getMessage().contains("after the checksum"));
            Files.writeString(bad, "{\"not\": \"tensors\"}");
            assertTrue(assertThrows(IllegalArgumentException.class, () -> NamedTensors.read(bad, m))
                    .getMessage().contains("magic"));
            assertThrows(IllegalArgumentException.class, () -> NamedTensors.read(dir.resolve("missing"), m));
        }
    }
}
