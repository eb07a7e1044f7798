package org.dsrcnn.engine.ndarray;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * NDArrays made from Java arrays that own their memory.
 *
 * <p>Why: the PyTorch engine wraps host data with {@code from_blob}, so the tensor points into a
 * direct buffer that lives only as long as the Java NDArray object. Autograd keeps its own
 * reference to the tensors it saves for the backward pass; if the wrapper is closed (its manager
 * closed) before {@code backward()}, the saved tensor reads freed memory and gradients become
 * garbage, nondeterministically. A copy made by the engine ({@code duplicate}) is reference-counted
 * by libtorch and stays valid however long autograd needs it.
 */
public final class HostArrays {
    private HostArrays() {}

    /** A float array of the given shape whose storage belongs to libtorch. */
    public static NDArray owned(NDManager manager, float[] data, Shape shape) {
        try (NDArray view = manager.create(data, shape)) {
            return view.duplicate();
        }
    }

    /** A 1-D float array whose storage belongs to libtorch. */
    public static NDArray owned(NDManager manager, float[] data) {
        return owned(manager, data, new Shape(data.length));
    }

    /** A 1-D int64 array whose storage belongs to libtorch. */
    public static NDArray owned(NDManager manager, long[] data) {
        try (NDArray view = manager.create(data)) {
            return view.duplicate();
        }
    }
}
