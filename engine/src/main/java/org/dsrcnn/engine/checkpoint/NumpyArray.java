package org.dsrcnn.engine.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A numpy array as detectron2's {@code .pkl} model files pickle it: {@code
 * numpy.core.multiarray._reconstruct(ndarray, (0,), b'b')} creates it empty and BUILD sets its
 * state {@code (version, shape, dtype, is_fortran, raw bytes)}. The raw bytes may arrive as bytes
 * (protocol 3+) or as a latin-1 string (Python 2 pickles).
 */
final class NumpyArray {

    /** A {@code numpy.dtype}: its code ({@code f4}) and, after BUILD, its byte order. */
    static final class Dtype {
        final String code;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        Dtype(String code) {
            this.code = code;
        }

        void setState(Object[] state) {
            // (version, byteorder char, subarray, names, fields, elsize, alignment, flags)
            if (state.length > 1 && ">".equals(state[1])) {
                order = ByteOrder.BIG_ENDIAN;
            }
        }
    }

    private CheckpointTensor tensor;

    void setState(Object[] state) {
        if (state.length != 5 || !(state[1] instanceof Object[] shapeTuple) || !(state[2] instanceof Dtype dtype)) {
            throw new IllegalArgumentException("numpy array with an unknown pickled state");
        }
        ScalarType type = ScalarType.NUMPY_CODES.get(dtype.code.replaceFirst("^[<>=|]", ""));
        if (type == null) {
            throw new IllegalArgumentException("numpy array of dtype " + dtype.code + " is not a tensor type");
        }
        long[] shape = new long[shapeTuple.length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = ((Number) shapeTuple[i]).longValue();
        }
        byte[] raw;
        if (state[4] instanceof byte[] b) {
            raw = b;
        } else if (state[4] instanceof String s) {
            raw = s.getBytes(StandardCharsets.ISO_8859_1);
        } else {
            throw new IllegalArgumentException("numpy array holds Python objects, not numbers");
        }
        long n = CheckpointTensor.elementCount(shape);
        if (raw.length != n * type.bytes()) {
            throw new IllegalArgumentException("numpy array of shape " + Arrays.toString(shape) + " has "
                    + raw.length + " bytes, expected " + n * type.bytes());
        }
        boolean fortran = Boolean.TRUE.equals(state[3]);
        ByteBuffer data = ByteBuffer.wrap(raw).order(dtype.order);
        float[] values = new float[(int) n];
        long[] strides = new long[shape.length];
        long step = 1;
        for (int d = fortran ? 0 : shape.length - 1; fortran ? d < shape.length : d >= 0; d += fortran ? 1 : -1) {
            strides[d] = step;
            step *= shape[d];
        }
        long[] index = new long[shape.length];
        for (int i = 0; i < n; i++) {
            long at = 0;
            for (int d = 0; d < shape.length; d++) {
                at += index[d] * strides[d];
            }
            values[i] = type.read(data, at);
            for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        tensor = new CheckpointTensor(type, shape, values);
    }

    /** The array, once its state is set. */
    CheckpointTensor tensor() {
        if (tensor == null) {
            throw new IllegalArgumentException("numpy array without data");
        }
        return tensor;
    }
}
