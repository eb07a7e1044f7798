package org.dsrcnn.engine.data;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A padded batch of images for the network. Closing it closes its two arrays.
 *
 * @param images (B, 3, Hp, Wp) normalized RGB, zero-padded at the bottom and right to a multiple of
 *     the size divisibility
 * @param imageWhwh (B, 4) each image's unpadded input size as (w, h, w, h), for scaling normalized
 *     proposal boxes and normalizing the L1 loss
 * @param targets B ground truths, boxes xyxy input pixels
 * @param resizes B maps from input to original-image pixels
 * @param imageIds B dataset image ids (-1 when an image comes from no dataset)
 */
public record Batch(NDArray images, NDArray imageWhwh, List<ImageTargets> targets, List<ResizeInfo> resizes,
        long[] imageIds) implements AutoCloseable {

    /** Number of images B. */
    public int size() {
        return imageIds.length;
    }

    @Override
    public void close() {
        images.close();
        imageWhwh.close();
    }
}
