package org.dsrcnn.engine.data;

/**
 * One image ready for batching: normalized planar RGB at the network input size, not yet padded,
 * with its ground truth in input pixels.
 *
 * @param imageId the dataset's image id, or -1 for an image that comes from no dataset
 * @param chw (3, height, width) RGB, (value - mean) / std
 * @param width input width (unpadded)
 * @param height input height (unpadded)
 * @param targets GT boxes (M, 4) xyxy input pixels (resized, flipped, clipped); M = 0 at inference
 * @param resize how to map input boxes back to original-image pixels
 */
public record PreparedImage(long imageId, float[] chw, int width, int height, ImageTargets targets, ResizeInfo resize) {

    public PreparedImage {
        if (chw.length != 3L * width * height) {
            throw new IllegalArgumentException("expected 3*" + height + "*" + width + " values, got " + chw.length);
        }
    }
}
