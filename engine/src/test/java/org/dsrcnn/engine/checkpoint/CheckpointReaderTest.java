package org.dsrcnn.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the tiny checkpoints that {@code tools/sparse_rcnn_reference.py formats} wrote with PyTorch
 * 1.13 (zip with a {"model": ...} wrapper, legacy bare state dict, detectron2 numpy .pkl) and
 * compares every value with what PyTorch printed for them (tiny_expected.json): float32, float16,
 * float64, int64, a transposed view and a view at a storage offset. Bad files fail in one line.
 */
class CheckpointReaderTest {

    @TempDir Path dir;

    private static final List<String> NAMES =
            List.of("a.weight", "b.half", "c.transposed", "d.offset", "e.double", "f.count");

    private static void assertTinyTensors(Map<String, CheckpointTensor> tensors) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(GoldenFixture.resource("tiny_expected.json").toFile());
        assertEquals(NAMES, List.copyOf(tensors.keySet()));
        for (String name : NAMES) {
            JsonNode e = expected.get(name);
            CheckpointTensor t = tensors.get(name);
            long[] shape = new long[e.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = e.get("shape").get(i).asLong();
            }
            assertArrayEquals(shape, t.shape(), name);
            for (int i = 0; i < t.values().length; i++) {
                // exact: float16 and int values are exact in float32, float64 rounds to nearest
                assertEquals((float) e.get("values").get(i).asDouble(), t.values()[i], 0f, name + "[" + i + "]");
            }
        }
        assertEquals(ScalarType.FLOAT16, tensors.get("b.half").type());
        assertEquals(ScalarType.FLOAT64, tensors.get("e.double").type());
        assertEquals(ScalarType.INT64, tensors.get("f.count").type());
    }

    /** file, expected format, the wrapper's other entries ("" for a bare state dict). */
    @ParameterizedTest
    @CsvSource({
        "tiny_zip.pth, torch-zip, iteration",
        "tiny_legacy.pth, torch-legacy, ''",
        "tiny_detectron2.pkl, detectron2-pkl, __author__"
    })
    void readsEveryFormat(String file, String format, String others) throws Exception {
        CheckpointReader.Checkpoint c = CheckpointReader.read(GoldenFixture.resource(file));
        assertEquals(format, c.format());
        assertEquals(others.isEmpty() ? List.of() : List.of(others), c.otherEntries());
        assertTinyTensors(c.tensors());
    }

    @Test
    void anyArchivePrefixWorks() throws Exception {
        Path renamed = dir.resolve("renamed.pth");
        try (ZipFile in = new ZipFile(GoldenFixture.resource("tiny_zip.pth").toFile());
                OutputStream file = Files.newOutputStream(renamed);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> en = in.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String rest = e.getName().substring(e.getName().indexOf('/') + 1);
                out.putNextEntry(new ZipEntry("some other archive name/" + rest));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        assertTinyTensors(CheckpointReader.read(renamed).tensors());
    }

    @Test
    void truncatedFilesFailInOneLine() throws Exception {
        for (String name : List.of("sparse_rcnn_golden.pth", "tiny_legacy.pth", "tiny_detectron2.pkl")) {
            byte[] all = Files.readAllBytes(GoldenFixture.resource(name));
            Path cut = dir.resolve("cut-" + name);
            Files.write(cut, Arrays.copyOf(all, all.length * 2 / 3));
            String m = oneLineError(cut);
            assertTrue(m.contains("truncated"), m);
            assertTrue(m.contains(cut.toString()), m);
        }
    }

    @Test
    void filesThatAreNoCheckpointFailInOneLine() throws Exception {
        String png = oneLineError(GoldenFixture.image());
        assertTrue(png.contains("not a PyTorch or detectron2 checkpoint"), png);
        Path text = dir.resolve("notes.pth");
        Files.writeString(text, "{\"model\": \"not really\"}\n");
        assertTrue(oneLineError(text).contains("not a PyTorch or detectron2 checkpoint"));
        Path empty = dir.resolve("empty.pth");
        Files.write(empty, new byte[0]);
        assertTrue(oneLineError(empty).contains("too short"));
        assertTrue(oneLineError(dir.resolve("missing.pth")).contains("no such checkpoint file"));
        // a zip that is not a torch.save archive
        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        assertTrue(oneLineError(zip).contains("without PREFIX/data.pkl"));
    }

    /** {@code cos\nsystem\n(S'echo owned'\ntR.} in protocol 2: what a malicious checkpoint runs in Python. */
    static byte[] osSystemPickle() {
        return "\u0080\u0002cos\nsystem\nX\u000b\u0000\u0000\u0000echo owned\u0085R."
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anyOtherGlobalIsRefusedByName() throws Exception {
        Path pkl = dir.resolve("evil.pkl");
        Files.write(pkl, osSystemPickle());
        String m = oneLineError(pkl);
        assertTrue(m.contains("os.system") && m.contains("refused"), m);
        // the same inside a torch.save archive
        Path zip = dir.resolve("evil.pth");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("archive/data.pkl"));
            out.write(osSystemPickle());
            out.closeEntry();
        }
        String z = oneLineError(zip);
        assertTrue(z.contains("os.system") && z.contains("refused"), z);
        // STACK_GLOBAL (protocol 4) names its global through the stack; still refused by name
        byte[] stackGlobal = "\u0080\u0004\u008c\u0008builtins\u008c\u0004eval\u0093)R."
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(pkl, stackGlobal);
        assertTrue(oneLineError(pkl).contains("builtins.eval"));
    }

    @Test
    void announcedLengthsAreCheckedBeforeAllocating() throws Exception {
        // BINBYTES8 announcing 2^40 bytes in a 20-byte file: refused without allocating them
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x80).put((byte) 4).put((byte) 0x8e).putLong(1L << 40).put((byte) '.');
        Path pkl = dir.resolve("huge.pkl");
        Files.write(pkl, b.array());
        String m = oneLineError(pkl);
        assertTrue(m.contains("announces 1099511627776 bytes"), m);
    }

    @Test
    void viewsOutsideTheirStorageAreRefusedBeforeCopying() {
        TorchStorage s = new TorchStorage("0", ScalarType.FLOAT32, 50);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TensorView(s, 0, new long[] {10, 10}, new long[] {10, 1}));
        assertTrue(e.getMessage().contains("reaches past storage 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TensorView(s, 0, new long[] {1 << 20, 1 << 20}, new long[] {0, 0}));
    }

    @Test
    void halfPrecisionDecodesKnownBitPatterns() {
        assertEquals(1.0f, ScalarType.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, ScalarType.halfToFloat((short) 0xc000));
        assertEquals(65504f, ScalarType.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, ScalarType.halfToFloat((short) 0x0001));
        assertEquals(0x1p-14f, ScalarType.halfToFloat((short) 0x0400));
        assertEquals(Float.NEGATIVE_INFINITY, ScalarType.halfToFloat((short) 0xfc00));
        assertTrue(Float.isNaN(ScalarType.halfToFloat((short) 0x7e00)));
    }

    private static String oneLineError(Path file) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointReader.read(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }
}
