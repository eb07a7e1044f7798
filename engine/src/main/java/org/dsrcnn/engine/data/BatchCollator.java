package org.dsrcnn.engine.data;

import org.dsrcnn.engine.ndarray.HostArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/** Pads prepared images to one size and stacks them into NDArrays. */
public final class BatchCollator {

    private BatchCollator() {}

    /**
     * Stacks images into one padded tensor. The padded size is the batch's largest height and width,
     * each rounded up to a multiple of {@code sizeDivisibility}; padding is 0 (after normalization,
     * i.e. the mean colour), at the bottom and right so input pixel coordinates stay valid.
     *
     * @param images B &gt;= 1 prepared images
     * @param manager where the arrays are created; the caller closes the batch (or the manager)
     * @param sizeDivisibility the stride of the coarsest feature map (32); 0 or 1 for none
     * @return images (B, 3, Hp, Wp) float32, imageWhwh (B, 4) float32
     */
    public static Batch collate(List<PreparedImage> images, NDManager manager, int sizeDivisibility) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("cannot collate an empty batch");
        }
        int maxH = 0;
        int maxW = 0;
        for (PreparedImage p : images) {
            maxH = Math.max(maxH, p.height());
            maxW = Math.max(maxW, p.width());
        }
        int hp = roundUp(maxH, sizeDivisibility);
        int wp = roundUp(maxW, sizeDivisibility);
        int b = images.size();
        float[] data = new float[b * 3 * hp * wp];
        float[] whwh = new float[b * 4];
        List<ImageTargets> targets = new ArrayList<>(b);
        List<ResizeInfo> resizes = new ArrayList<>(b);
        long[] ids = new long[b];
        for (int i = 0; i < b; i++) {
            PreparedImage p = images.get(i);
            int w = p.width();
            int h = p.height();
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(p.chw(), (c * h + y) * w, data, ((i * 3 + c) * hp + y) * wp, w);
                }
            }
            whwh[4 * i] = w;
            whwh[4 * i + 1] = h;
            whwh[4 * i + 2] = w;
            whwh[4 * i + 3] = h;
            targets.add(p.targets());
            resizes.add(p.resize());
            ids[i] = p.imageId();
        }
        NDArray imageArray = HostArrays.owned(manager, data, new Shape(b, 3, hp, wp));
        NDArray whwhArray = HostArrays.owned(manager, whwh, new Shape(b, 4));
        return new Batch(imageArray, whwhArray, List.copyOf(targets), List.copyOf(resizes), ids);
    }

    /** The smallest multiple of {@code divisor} &gt;= {@code size} ({@code size} itself for divisor &lt;= 1). */
    public static int roundUp(int size, int divisor) {
        if (divisor <= 1) {
            return size;
        }
        return (size + divisor - 1) / divisor * divisor;
    }
}
