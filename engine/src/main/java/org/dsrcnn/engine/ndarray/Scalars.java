package org.dsrcnn.engine.ndarray;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic with a constant that is safe under autograd.
 *
 * <p>Why: DJL's PyTorch engine implements {@code x.mul(2f)} (and div, pow, maximum, minimum with a
 * number) by wrapping the number in a temporary tensor over a Java direct buffer, running the
 * tensor op, and closing the temporary at once. For these ops autograd saves the other operand
 * for the backward pass, so backward later reads a buffer the garbage collector may already have
 * freed: gradients become garbage (Inf/NaN), nondeterministically, depending on when GC runs.
 * Found by forcing {@code System.gc()} between forward and backward. Here the constant is a
 * libtorch-owned copy that autograd can keep alive. (add and sub save nothing and are safe.)
 */
public final class Scalars {
    private Scalars() {}

    /** x * v. */
    public static NDArray mul(NDArray x, float v) {
        return x.mul(constant(x, v));
    }

    /** x / v. */
    public static NDArray div(NDArray x, float v) {
        return x.div(constant(x, v));
    }

    /** x ^ v. */
    public static NDArray pow(NDArray x, float v) {
        return x.pow(constant(x, v));
    }

    /** max(x, v) elementwise. */
    public static NDArray maximum(NDArray x, float v) {
        return x.maximum(constant(x, v));
    }

    /** min(x, v) elementwise. */
    public static NDArray minimum(NDArray x, float v) {
        return x.minimum(constant(x, v));
    }

    /** A 0-d tensor holding {@code v}, of x's type and device, owned by libtorch. */
    private static NDArray constant(NDArray x, float v) {
        try (NDArray view = x.getManager().create(v)) {
            NDArray owned = view.duplicate(); // a libtorch copy: no longer tied to the Java buffer
            if (owned.getDataType() != x.getDataType()) {
                owned = owned.toType(x.getDataType(), false);
            }
            return owned.toDevice(x.getDevice(), false);
        }
    }
}
