package org.dsrcnn.engine.data;

/**
 * Ground truth of one image as the loss sees it: in input pixels (after resize and flip), crowd
 * boxes removed.
 *
 * @param boxes (M, 4) xyxy in input pixels; M may be 0
 * @param labels (M) contiguous class indices 0..K-1
 * @param width input image width (unpadded), for L1 normalisation
 * @param height input image height (unpadded)
 */
public record ImageTargets(float[][] boxes, int[] labels, float width, float height) {

    public ImageTargets {
        if (boxes.length != labels.length) {
            throw new IllegalArgumentException(
                    "boxes and labels differ in length: " + boxes.length + " vs " + labels.length);
        }
    }

    /** Number of GT boxes M. */
    public int size() {
        return labels.length;
    }
}
