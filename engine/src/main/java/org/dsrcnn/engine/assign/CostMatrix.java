package org.dsrcnn.engine.assign;

/**
 * The Sparse R-CNN matching cost of every (GT, prediction) pair and its parts, all (M, N): row i =
 * GT i, column j = prediction j. Kept apart so the explorer can say why a pair is cheap.
 *
 * @param total C = w_cls * cls + w_L1 * l1 - w_giou * giou (the matrix both matchers minimise)
 * @param cls focal cost at the GT class, unweighted: pos - neg (negative when the class is likely)
 * @param l1 L1 distance of the boxes divided by (w, h, w, h), unweighted (sum over 4 coordinates)
 * @param giou GIoU of the pixel boxes, in [-1, 1] (the cost uses its negative)
 * @param iou IoU of the pixel boxes, in [0, 1] (dynamic k)
 */
public record CostMatrix(double[][] total, double[][] cls, double[][] l1, double[][] giou, double[][] iou) {

    /** Number of GT rows M. */
    public int rows() {
        return total.length;
    }
}
