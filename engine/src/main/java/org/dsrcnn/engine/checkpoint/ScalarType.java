package org.dsrcnn.engine.checkpoint;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The element types a checkpoint's storages or numpy arrays may hold, with their size and how one
 * element becomes a float. Integer and bool tensors (e.g. a batch norm's {@code num_batches_tracked})
 * are read too, so that they can be reported by name instead of failing the whole file.
 */
public enum ScalarType {
    FLOAT32(4),
    FLOAT16(2),
    BFLOAT16(2),
    FLOAT64(8),
    INT64(8),
    INT32(4),
    INT16(2),
    INT8(1),
    UINT8(1),
    BOOL(1);

    /** PyTorch's pickled storage classes ({@code torch.FloatStorage}, ...) by global name. */
    static final Map<String, ScalarType> TORCH_STORAGES = Map.of(
            "FloatStorage", FLOAT32, "HalfStorage", FLOAT16, "BFloat16Storage", BFLOAT16,
            "DoubleStorage", FLOAT64, "LongStorage", INT64, "IntStorage", INT32, "ShortStorage", INT16,
            "CharStorage", INT8, "ByteStorage", UINT8, "BoolStorage", BOOL);

    /** numpy dtype codes without the byte-order character ({@code f4}, ...). */
    static final Map<String, ScalarType> NUMPY_CODES = Map.of(
            "f4", FLOAT32, "f2", FLOAT16, "f8", FLOAT64, "i8", INT64, "i4", INT32, "i2", INT16, "i1", INT8,
            "u1", UINT8, "b1", BOOL);

    private final int bytes;

    ScalarType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Element {@code index} of {@code data} (whose byte order is already set) as a float. */
    float read(ByteBuffer data, long index) {
        int at = Math.toIntExact(index * bytes);
        switch (this) {
            case FLOAT32:
                return data.getFloat(at);
            case FLOAT16:
                return halfToFloat(data.getShort(at));
            case BFLOAT16:
                return Float.intBitsToFloat((data.getShort(at) & 0xffff) << 16);
            case FLOAT64:
                return (float) data.getDouble(at);
            case INT64:
                return data.getLong(at);
            case INT32:
                return data.getInt(at);
            case INT16:
                return data.getShort(at);
            case INT8:
                return data.get(at);
            case UINT8:
            case BOOL:
                return data.get(at) & 0xff;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat): exact for every value. */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13)); // inf / NaN
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24, exact in float
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
