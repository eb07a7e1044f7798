package org.dsrcnn.engine.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the tensors of a PyTorch or detectron2 checkpoint without Python:
 *
 * <ul>
 *   <li>{@code torch.save} zip files (PyTorch >= 1.6): {@code PREFIX/data.pkl} with storages in
 *       {@code PREFIX/data/KEY}, whatever the archive prefix;
 *   <li>the legacy format ({@code _use_new_zipfile_serialization=False}, PyTorch < 1.6): a magic-number
 *       pickle, protocol and system-info pickles, the object pickle, the list of storage keys, then
 *       each storage as an int64 element count and its raw bytes;
 *   <li>detectron2's {@code .pkl} model files: a pickled dict of numpy arrays.
 * </ul>
 *
 * The object may be a {@code {"model": state_dict, ...}} wrapper (detectron2's checkpointer; the
 * other entries, such as optimizer state, are not read) or a bare state dict. Storages may be float32,
 * float16, bfloat16 or float64 (converted to float32); tensors may be strided views with offsets.
 * Every failure is an {@link IllegalArgumentException} with a one-line message that names the file.
 */
public final class CheckpointReader {

    /** What was read. */
    public record Checkpoint(
            /** "torch-zip", "torch-legacy" or "detectron2-pkl". */
            String format,
            /** the state dict's tensors by name, in file order. */
            Map<String, CheckpointTensor> tensors,
            /** the wrapper's other top-level keys (e.g. optimizer, iteration), empty for a bare state dict. */
            List<String> otherEntries) {}

    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long MAX_PICKLE_BYTES = 1L << 30;

    private CheckpointReader() {}

    /**
     * @throws IllegalArgumentException naming the file and the problem (not a checkpoint, truncated,
     *     a refused global, a tensor outside its storage, ...)
     */
    public static Checkpoint read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such checkpoint file: " + file);
        }
        try {
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, 4);
                if (n < 2) {
                    throw new IllegalArgumentException("empty or too short to be a checkpoint");
                }
            }
            if (head[0] == 'P' && head[1] == 'K') {
                return readZip(file);
            }
            if ((head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
                return readPickleFile(file);
            }
            throw new IllegalArgumentException("not a PyTorch or detectron2 checkpoint (neither a zip archive nor a pickle)");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + file + ": " + e.getMessage(), e);
        } catch (ZipException e) {
            throw new IllegalArgumentException("checkpoint " + file + ": truncated or damaged zip archive ("
                    + e.getMessage() + ")", e);
        } catch (IOException | ArithmeticException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("checkpoint " + file + ": cannot be read (" + m
                    + "; truncated or damaged?)", e);
        }
    }

    private static Checkpoint readZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = null;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                String name = en.nextElement().getName();
                if (name.endsWith("data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                    prefix = name.substring(0, name.length() - "data.pkl".length());
                    break;
                }
            }
            if (prefix == null) {
                throw new IllegalArgumentException("a zip archive without PREFIX/data.pkl: not a torch.save file");
            }
            ByteOrder order = byteOrder(zip, prefix);
            ZipEntry pkl = zip.getEntry(prefix + "data.pkl");
            String dataPrefix = prefix + "data/";
            Map<String, TorchStorage> storages = new HashMap<>();
            Object root;
            try (InputStream raw = zip.getInputStream(pkl)) {
                long size = pkl.getSize();
                if (size < 0 || size > MAX_PICKLE_BYTES) {
                    throw new IllegalArgumentException("data.pkl of " + size + " bytes is not a state dict");
                }
                RestrictedUnpickler unpickler = new RestrictedUnpickler(
                        new BoundedInput(new BufferedInputStream(raw), size),
                        pid -> storages.computeIfAbsent(storageKey(pid), k -> newStorage(pid)));
                root = unpickler.next();
            }
            Unwrapped state = unwrap(root);
            for (Object value : state.entries.values()) {
                if (value instanceof TensorView view && !view.storage().isLoaded()) {
                    TorchStorage s = view.storage().root();
                    ZipEntry entry = zip.getEntry(dataPrefix + s.key);
                    if (entry == null) {
                        throw new IllegalArgumentException("the archive lacks storage " + dataPrefix + s.key);
                    }
                    long expected = s.numel * s.type.bytes();
                    if (entry.getSize() != expected) {
                        throw new IllegalArgumentException("storage " + s.key + " has " + entry.getSize()
                                + " bytes, the pickle says " + expected);
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        BoundedInput bounded = new BoundedInput(in, entry.getSize());
                        s.attach(ByteBuffer.wrap(bounded.readExactly(expected, "storage " + s.key)), order);
                    }
                }
            }
            return new Checkpoint("torch-zip", state.tensors(), state.others);
        }
    }

    private static ByteOrder byteOrder(ZipFile zip, String prefix) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN; // older writers had no byteorder record and were little-endian
        }
        try (InputStream in = zip.getInputStream(entry)) {
            String text = new String(in.readNBytes(16), StandardCharsets.US_ASCII).trim();
            return "big".equals(text) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }
    }

    /** Legacy torch files and detectron2 pickles both start with a pickle; the magic number tells them apart. */
    private static Checkpoint readPickleFile(Path file) throws IOException {
        long length = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            BoundedInput in = new BoundedInput(raw, length);
            Map<String, TorchStorage> storages = new LinkedHashMap<>();
            RestrictedUnpickler unpickler = new RestrictedUnpickler(in, pid -> legacyStorage(pid, storages));
            Object first = unpickler.next();
            if (!(first instanceof BigInteger magic && magic.equals(LEGACY_MAGIC))) {
                Unwrapped state = unwrap(first);
                return new Checkpoint("detectron2-pkl", state.tensors(), state.others);
            }
            Object protocol = unpickler.next();
            if (!(protocol instanceof Number p) || p.intValue() != 1001) {
                throw new IllegalArgumentException("legacy torch file of unknown protocol " + protocol);
            }
            unpickler.next(); // system info: byte order and type sizes of the writer (little-endian x86 here)
            Unwrapped state = unwrap(unpickler.next());
            Object keys = unpickler.next();
            if (!(keys instanceof List<?> keyList)) {
                throw new IllegalArgumentException("legacy torch file without its list of storages");
            }
            for (Object k : keyList) {
                String key = String.valueOf(k);
                TorchStorage s = storages.get(key);
                byte[] countBytes = in.readExactly(8, "the size of storage " + key);
                long count = ByteBuffer.wrap(countBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
                if (s == null) {
                    throw new IllegalArgumentException("legacy torch file lists storage " + key + " that no tensor uses");
                }
                if (count != s.numel) {
                    throw new IllegalArgumentException("storage " + key + " holds " + count + " elements, the pickle says "
                            + s.numel);
                }
                long bytes = Math.multiplyExact(count, s.type.bytes());
                if (state.needs(s)) {
                    s.attach(ByteBuffer.wrap(in.readExactly(bytes, "storage " + key)), ByteOrder.LITTLE_ENDIAN);
                } else {
                    in.skipExactly(bytes, "storage " + key);
                }
            }
            return new Checkpoint("torch-legacy", state.tensors(), state.others);
        }
    }

    private static String storageKey(Object[] pid) {
        checkStoragePid(pid);
        return String.valueOf(pid[2]);
    }

    private static void checkStoragePid(Object[] pid) {
        if (pid.length < 5 || !"storage".equals(pid[0]) || !(pid[1] instanceof RestrictedUnpickler.PyClass type)
                || type.storageType() == null || !(pid[4] instanceof Number)) {
            throw new IllegalArgumentException("unknown persistent id in the pickle (not a torch storage)");
        }
    }

    private static TorchStorage newStorage(Object[] pid) {
        checkStoragePid(pid);
        ScalarType type = ((RestrictedUnpickler.PyClass) pid[1]).storageType();
        return new TorchStorage(String.valueOf(pid[2]), type, ((Number) pid[4]).longValue());
    }

    /** Legacy ids: ('storage', type, root key, location, root numel, view metadata or None). */
    private static Object legacyStorage(Object[] pid, Map<String, TorchStorage> storages) {
        String key = storageKey(pid);
        TorchStorage root = storages.computeIfAbsent(key, k -> newStorage(pid));
        if (pid.length > 5 && pid[5] instanceof Object[] view) {
            // (view key, offset, view size): a pre-1.0 storage view into the root storage
            return root.view(String.valueOf(view[0]), ((Number) view[1]).longValue(), ((Number) view[2]).longValue());
        }
        return root;
    }

    /** The state dict inside the pickled object, its values still views of unloaded storages. */
    private static final class Unwrapped {
        final Map<String, Object> entries = new LinkedHashMap<>();
        final List<String> others = new ArrayList<>();

        boolean needs(TorchStorage storage) {
            for (Object v : entries.values()) {
                if (v instanceof TensorView view && view.storage().root() == storage) {
                    return true;
                }
            }
            return false;
        }

        Map<String, CheckpointTensor> tensors() {
            Map<String, CheckpointTensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                Object v = e.getValue();
                try {
                    out.put(e.getKey(), v instanceof TensorView view ? view.materialize() : ((NumpyArray) v).tensor());
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("tensor " + e.getKey() + ": " + ex.getMessage(), ex);
                }
            }
            return out;
        }
    }

    private static Unwrapped unwrap(Object root) {
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException("the pickle holds a " + typeName(root) + ", not a state dict");
        }
        Unwrapped out = new Unwrapped();
        Map<?, ?> dict = top;
        if (top.get("model") instanceof Map<?, ?> model) {
            dict = model;
            for (Object k : top.keySet()) {
                if (!"model".equals(k)) {
                    out.others.add(String.valueOf(k));
                }
            }
        } else if (top.get("state_dict") instanceof Map<?, ?> sd) {
            dict = sd;
        }
        // sorted: razorvine's dicts do not keep the pickle's order, and reports should be stable
        for (Map.Entry<?, ?> e : new TreeMap<>(stringKeys(dict)).entrySet()) {
            Object v = e.getValue();
            if (v instanceof TensorView || v instanceof NumpyArray) {
                out.entries.put(String.valueOf(e.getKey()), v);
            } else {
                throw new IllegalArgumentException("state dict entry " + e.getKey() + " is a " + typeName(v)
                        + ", not a tensor");
            }
        }
        if (out.entries.isEmpty()) {
            throw new IllegalArgumentException("the state dict holds no tensors");
        }
        return out;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> dict) {
        Map<String, Object> out = new LinkedHashMap<>();
        dict.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String typeName(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Map) {
            return "dict";
        }
        if (o instanceof List || o instanceof Object[]) {
            return "list";
        }
        return o.getClass().getSimpleName();
    }
}
