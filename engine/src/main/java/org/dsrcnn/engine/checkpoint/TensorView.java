package org.dsrcnn.engine.checkpoint;

import java.util.Arrays;

/**
 * What {@code torch._utils._rebuild_tensor_v2} describes: a strided view of a storage, starting at
 * {@code offset} elements. Nothing is copied until {@link #materialize()}, which first checks that
 * every element the view reaches lies inside the storage.
 */
record TensorView(TorchStorage storage, long offset, long[] size, long[] stride) {

    TensorView {
        if (size.length != stride.length) {
            throw new IllegalArgumentException("tensor size " + Arrays.toString(size) + " and stride "
                    + Arrays.toString(stride) + " differ in rank");
        }
        long count = CheckpointTensor.elementCount(size);
        if (offset < 0) {
            throw new IllegalArgumentException("negative storage offset " + offset);
        }
        if (count > 0) {
            long last = offset;
            for (int d = 0; d < size.length; d++) {
                if (stride[d] < 0) {
                    throw new IllegalArgumentException("negative stride in " + Arrays.toString(stride));
                }
                last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
            }
            if (last >= storage.numel) {
                throw new IllegalArgumentException("tensor of size " + Arrays.toString(size) + ", stride "
                        + Arrays.toString(stride) + ", offset " + offset + " reaches past storage " + storage.key
                        + " of " + storage.numel + " elements");
            }
        }
    }

    /** A dense row-major float copy (the storage's bytes must be attached). */
    CheckpointTensor materialize() {
        int n = (int) CheckpointTensor.elementCount(size);
        float[] out = new float[n];
        int rank = size.length;
        long[] index = new long[rank];
        long at = offset;
        for (int i = 0; i < n; i++) {
            out[i] = storage.get(at);
            // odometer over the dimensions, last fastest, moving the storage position by the strides
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                at += stride[d];
                if (index[d] < size[d]) {
                    break;
                }
                at -= stride[d] * index[d];
                index[d] = 0;
            }
        }
        return new CheckpointTensor(storage.type, size.clone(), out);
    }
}
