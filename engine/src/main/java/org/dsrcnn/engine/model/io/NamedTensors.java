package org.dsrcnn.engine.model.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A file of named dense arrays, in order:
 *
 * <pre>
 *   "DSRTENS1"                       8-byte magic
 *   byte   1 = little-endian data
 *   int    count
 *   count x { UTF name; UTF dtype (DJL DataType name); byte rank; long[rank] dims;
 *             long byteLength; byte[byteLength] raw data }
 *   long   CRC32 of every byte above
 * </pre>
 *
 * Writes go to a temporary file that is then renamed over the target, so a crash never leaves a
 * half-written file under the real name. Reading checks every length, the dtype, the checksum and
 * that nothing follows; any problem is an {@link IllegalArgumentException} with a one-line reason.
 */
public final class NamedTensors {

    private static final byte[] MAGIC = {'D', 'S', 'R', 'T', 'E', 'N', 'S', '1'};
    private static final int MAX_RANK = 16;

    private NamedTensors() {}

    /** Writes the arrays (dense, any DJL dtype) atomically, in the map's iteration order. */
    public static void write(Map<String, NDArray> tensors, Path file) throws IOException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("tensor files are written on little-endian hosts only");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            CRC32 crc = new CRC32();
            try (OutputStream fileOut = Files.newOutputStream(tmp);
                    DataOutputStream out =
                            new DataOutputStream(
                                    new CheckedOutputStream(new BufferedOutputStream(fileOut, 1 << 20), crc))) {
                out.write(MAGIC);
                out.writeByte(1);
                out.writeInt(tensors.size());
                byte[] chunk = new byte[1 << 20];
                for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
                    NDArray a = e.getValue();
                    Shape shape = a.getShape();
                    out.writeUTF(e.getKey());
                    out.writeUTF(a.getDataType().name());
                    out.writeByte(shape.dimension());
                    for (long d : shape.getShape()) {
                        out.writeLong(d);
                    }
                    ByteBuffer data = a.toByteBuffer();
                    out.writeLong(data.remaining());
                    while (data.hasRemaining()) {
                        int n = Math.min(chunk.length, data.remaining());
                        data.get(chunk, 0, n);
                        out.write(chunk, 0, n);
                    }
                }
                out.flush();
                // the checksum covers everything before it; written outside the checked stream
                new DataOutputStream(fileOut).writeLong(crc.getValue());
            }
            AtomicFiles.move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads every array of the file onto {@code manager}, in file order.
     *
     * @throws IllegalArgumentException when the file is missing, truncated, corrupt or not a tensor
     *     file (one-line reason naming the file)
     */
    public static Map<String, NDArray> read(Path file, NDManager manager) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("tensor file not found: " + file);
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream buffered = new BufferedInputStream(raw, 1 << 20);
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, crc));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw bad(file, "not a dsrcnn tensor file (bad magic)");
            }
            if (in.readByte() != 1) {
                throw bad(file, "unsupported byte order");
            }
            int count = in.readInt();
            long fileSize = Files.size(file);
            // a tensor's header alone (two names, rank, length) takes at least 13 bytes: a count the
            // file cannot hold means the header is damaged, and reading on would report nonsense
            if (count < 0 || (long) count * 13 > fileSize) {
                throw bad(file, "the file is corrupt: tensor count " + count + " is impossible for a file of "
                        + fileSize + " bytes");
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                DataType type = dataType(file, in.readUTF(), name);
                int rank = in.readByte();
                if (rank < 0 || rank > MAX_RANK) {
                    throw bad(file, "the file is corrupt: bad rank " + rank + " for " + name);
                }
                long[] dims = new long[rank];
                long size = 1;
                for (int d = 0; d < rank; d++) {
                    dims[d] = in.readLong();
                    if (dims[d] < 0 || (dims[d] > 0 && size > fileSize / dims[d])) {
                        throw bad(file, "the file is corrupt: bad dimension " + dims[d] + " for " + name);
                    }
                    size *= dims[d];
                }
                long length = in.readLong();
                if (length != size * type.getNumOfBytes()) {
                    throw bad(file, "the file is corrupt: length " + length + " does not match shape of " + name);
                }
                if (length > fileSize || length > Integer.MAX_VALUE - 8) {
                    throw bad(file, name + " claims " + length + " bytes, more than the file holds");
                }
                byte[] bytes = new byte[(int) length];
                in.readFully(bytes);
                ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
                buffer.put(bytes).rewind();
                NDArray array = manager.create(buffer, new Shape(dims), type);
                array.setName(name);
                if (out.put(name, array) != null) {
                    throw bad(file, "duplicate tensor " + name);
                }
            }
            long expected = crc.getValue();
            long stored = new DataInputStream(buffered).readLong();
            if (stored != expected) {
                throw bad(file, "checksum mismatch (file is corrupt)");
            }
            if (buffered.read() != -1) {
                throw bad(file, "unexpected bytes after the checksum");
            }
            return out;
        } catch (EOFException e) {
            out.values().forEach(NDArray::close);
            throw bad(file, "truncated (the file is cut short)");
        } catch (IllegalArgumentException e) {
            out.values().forEach(NDArray::close);
            throw e;
        } catch (java.io.UTFDataFormatException e) {
            out.values().forEach(NDArray::close);
            throw bad(file, "the file is corrupt: a tensor name is not valid UTF-8");
        } catch (IOException e) {
            out.values().forEach(NDArray::close);
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataType dataType(Path file, String name, String tensor) {
        DataType t;
        try {
            t = DataType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw bad(file, "the file is corrupt: unknown dtype '" + name + "' for " + tensor);
        }
        if (t.getNumOfBytes() <= 0 || t == DataType.STRING) {
            throw bad(file, "unsupported dtype " + name + " for " + tensor);
        }
        return t;
    }

    private static IllegalArgumentException bad(Path file, String reason) {
        return new IllegalArgumentException("bad tensor file " + file.getFileName() + ": " + reason);
    }
}
