package org.dsrcnn.engine.model.roi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * The FPN levels P2..P5 laid out as one pixel-major matrix for RoIAlign: row {@code offset(l) + (b *
 * H_l + y) * W_l + x} holds the C features of pixel (x, y) of image b at level l. Built once per
 * forward pass and shared by all head stages (their gradients accumulate into it).
 *
 * @param pixels (sum_l B * H_l * W_l, C)
 * @param batch B
 * @param channels C
 * @param firstLevel the level of the first map (2 for P2); level i has stride 2^i
 * @param heights H_l per level
 * @param widths W_l per level
 * @param offsets first row of each level in {@code pixels}; one extra entry = total rows
 */
public record FeaturePyramid(
        NDArray pixels, int batch, int channels, int firstLevel, int[] heights, int[] widths, long[] offsets) {

    /**
     * @param levels P_firstLevel.. as (B, C, H_l, W_l) NCHW maps
     */
    public static FeaturePyramid of(NDArray[] levels, int firstLevel) {
        Shape s0 = levels[0].getShape();
        int batch = (int) s0.get(0);
        int channels = (int) s0.get(1);
        int[] heights = new int[levels.length];
        int[] widths = new int[levels.length];
        long[] offsets = new long[levels.length + 1];
        NDList flat = new NDList(levels.length);
        for (int l = 0; l < levels.length; l++) {
            Shape s = levels[l].getShape();
            if (s.get(0) != batch || s.get(1) != channels) {
                throw new IllegalArgumentException("pyramid levels disagree: " + s0 + " vs " + s);
            }
            heights[l] = (int) s.get(2);
            widths[l] = (int) s.get(3);
            offsets[l + 1] = offsets[l] + (long) batch * heights[l] * widths[l];
            flat.add(levels[l].transpose(0, 2, 3, 1).reshape(-1, channels));
        }
        NDArray pixels = flat.size() == 1 ? flat.get(0) : NDArrays.concat(flat, 0);
        return new FeaturePyramid(pixels, batch, channels, firstLevel, heights, widths, offsets);
    }

    /** Number of levels. */
    public int levels() {
        return heights.length;
    }
}
