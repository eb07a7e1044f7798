package org.dsrcnn.engine.checkpoint;

import java.util.Arrays;

/**
 * One tensor read from a checkpoint, copied to a dense row-major float32 array whatever its stored
 * type (float16, bfloat16 and float64 are converted exactly or by rounding; integers as values).
 *
 * @param type the element type it was stored with
 * @param shape its size per dimension (empty for a scalar)
 * @param values {@code prod(shape)} values in row-major (C) order
 */
public record CheckpointTensor(ScalarType type, long[] shape, float[] values) {

    public CheckpointTensor {
        if (values.length != elementCount(shape)) {
            throw new IllegalArgumentException(
                    "tensor of shape " + Arrays.toString(shape) + " given " + values.length + " values");
        }
    }

    /** The shape as PyTorch prints it, e.g. {@code (256, 3, 7, 7)}. */
    public String shapeText() {
        return shapeText(shape);
    }

    /** A shape as PyTorch prints it. */
    public static String shapeText(long[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Size of dimension {@code d}. */
    public long dim(int d) {
        return shape[d];
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /**
     * The product of the sizes, refusing negative sizes and products that no Java array can hold:
     * the check runs before anything of that size is allocated.
     */
    static long elementCount(long[] shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative tensor size in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, s);
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " is too large");
            }
        }
        return n;
    }
}
