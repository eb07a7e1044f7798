package org.dsrcnn.engine.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * razorvine's unpickler restricted to what a checkpoint needs. A pickle may name any Python global;
 * razorvine would turn unknown ones into dictionaries, which is harmless in Java but hides a file
 * that is not what it claims. Here only the few globals of {@link #allowed} resolve, and any other
 * (e.g. {@code os.system}) is refused with its name. Every length-prefixed opcode is checked against
 * the bytes that remain before its buffer is allocated, so a corrupt length fails in one line
 * instead of exhausting the heap. The constructors are this instance's own (razorvine's registry is
 * global and would leak between readers).
 */
final class RestrictedUnpickler extends Unpickler {

    /** Marker for a pickled class that is only passed as an argument (a storage type, numpy.ndarray). */
    record PyClass(String name, ScalarType storageType) {}

    private final BoundedInput in;
    private final Function<Object[], Object> persistentLoader;
    private final Map<String, Object> allowed = new LinkedHashMap<>();

    /**
     * @param in the pickle bytes, with the number that remain known
     * @param persistentLoader turns a persistent id (a tuple such as {@code ('storage', type, key,
     *     location, numel)}) into its object; null refuses persistent ids
     */
    RestrictedUnpickler(BoundedInput in, Function<Object[], Object> persistentLoader) {
        this.in = in;
        this.persistentLoader = persistentLoader;
        IObjectConstructor orderedDict = args -> {
            Map<Object, Object> map = new LinkedHashMap<>();
            if (args.length == 1 && args[0] instanceof List<?> pairs) {
                for (Object pair : pairs) {
                    Object[] kv = pair instanceof List<?> l ? l.toArray() : (Object[]) pair;
                    map.put(kv[0], kv[1]);
                }
            }
            return map;
        };
        allowed.put("collections.OrderedDict", orderedDict);
        allowed.put("torch._utils._rebuild_tensor_v2", (IObjectConstructor) RestrictedUnpickler::rebuildTensor);
        allowed.put("torch._utils._rebuild_tensor", (IObjectConstructor) RestrictedUnpickler::rebuildTensor);
        allowed.put("torch._utils._rebuild_parameter", (IObjectConstructor) args -> args[0]);
        for (Map.Entry<String, ScalarType> e : ScalarType.TORCH_STORAGES.entrySet()) {
            allowed.put("torch." + e.getKey(), new PyClass("torch." + e.getKey(), e.getValue()));
        }
        allowed.put("torch.UntypedStorage", new PyClass("torch.UntypedStorage", ScalarType.UINT8));
        for (String numpy : List.of("numpy.core.multiarray", "numpy._core.multiarray")) {
            allowed.put(numpy + "._reconstruct", (IObjectConstructor) args -> new NumpyArray());
        }
        allowed.put("numpy.ndarray", new PyClass("numpy.ndarray", null));
        allowed.put("numpy.dtype", (IObjectConstructor) args -> new NumpyArray.Dtype(String.valueOf(args[0])));
        // Python 2-compatible pickles (protocol 2) store bytes as _codecs.encode(latin-1 text, 'latin1')
        allowed.put("_codecs.encode", (IObjectConstructor) args -> ((String) args[0]).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads one pickle (up to its STOP opcode). */
    Object next() throws IOException {
        try {
            return load(in);
        } catch (PickleException | ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("malformed pickle: " + firstLine(e), e);
        }
    }

    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof TorchStorage storage)) {
            throw new IllegalArgumentException("tensor rebuilt from something other than a storage");
        }
        return new TensorView(storage, ((Number) args[1]).longValue(), longs(args[2]), longs(args[3]));
    }

    private static long[] longs(Object tuple) {
        Object[] t = (Object[]) tuple;
        long[] out = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = ((Number) t[i]).longValue();
        }
        return out;
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL:
                stack.add(resolve(PickleUtils.readline(in), PickleUtils.readline(in)));
                return NO_RETURN_VALUE;
            case Opcodes.STACK_GLOBAL: {
                String name = String.valueOf(stack.pop());
                String module = String.valueOf(stack.pop());
                stack.add(resolve(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST:
                throw refused(PickleUtils.readline(in) + "." + PickleUtils.readline(in));
            case Opcodes.BUILD:
                build();
                return NO_RETURN_VALUE;
            case Opcodes.BINBYTES:
            case Opcodes.BYTEARRAY8:
            case Opcodes.BINBYTES8:
                stack.add(readCounted(key == Opcodes.BINBYTES ? 4 : 8));
                return NO_RETURN_VALUE;
            case Opcodes.BINUNICODE:
            case Opcodes.BINUNICODE8:
                stack.add(new String(readCounted(key == Opcodes.BINUNICODE ? 4 : 8), StandardCharsets.UTF_8));
                return NO_RETURN_VALUE;
            case Opcodes.BINSTRING:
                stack.add(PickleUtils.rawStringFromBytes(readCounted(4)));
                return NO_RETURN_VALUE;
            case Opcodes.LONG4:
                stack.add(PickleUtils.decode_long(readCounted(4)));
                return NO_RETURN_VALUE;
            default:
                return super.dispatch(key);
        }
    }

    /** A length (4 or 8 bytes, little-endian) and that many bytes, the length checked first. */
    private byte[] readCounted(int lengthBytes) throws IOException {
        byte[] raw = PickleUtils.readbytes(in, lengthBytes);
        long length = lengthBytes == 4 ? PickleUtils.bytes_to_uint(raw, 0) : PickleUtils.bytes_to_long(raw, 0);
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("pickle announces " + length + " bytes but only " + in.remaining()
                    + " remain (truncated or corrupt file)");
        }
        return PickleUtils.readbytes(in, (int) length);
    }

    private Object resolve(String module, String name) {
        String qualified = module + "." + name;
        Object found = allowed.get(qualified);
        if (found == null) {
            throw refused(qualified);
        }
        return found;
    }

    private static IllegalArgumentException refused(String qualified) {
        return new IllegalArgumentException("the pickle names the Python global " + qualified
                + ", which no checkpoint needs: refused (only tensors, storages, OrderedDict and numpy arrays are read)");
    }

    private void build() {
        Object state = stack.pop();
        Object target = stack.peek();
        if (target instanceof NumpyArray array && state instanceof Object[] s) {
            array.setState(s);
        } else if (target instanceof NumpyArray.Dtype dtype && state instanceof Object[] s) {
            dtype.setState(s);
        } else if (target instanceof Map<?, ?>) {
            // an OrderedDict's attributes (a state dict's _metadata: per-module versions); not needed
        } else {
            throw new IllegalArgumentException("the pickle sets the state of a " + describe(target) + ": refused");
        }
    }

    private static String describe(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (persistentLoader == null || !(pid instanceof Object[] tuple)) {
            throw new IllegalArgumentException("unexpected persistent id in a pickle without storages");
        }
        return persistentLoader.apply(tuple);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
