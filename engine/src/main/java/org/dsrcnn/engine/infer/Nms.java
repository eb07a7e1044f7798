package org.dsrcnn.engine.infer;

import java.util.Arrays;
import org.dsrcnn.engine.box.BoxOps;

/** Greedy non-maximum suppression (plain Java: a few hundred boxes, O(n^2) IoUs at worst). */
public final class Nms {

    private Nms() {}

    /**
     * Class-aware greedy NMS: visiting boxes from the best score down (ties: lower index first), a
     * box is kept unless a kept box of the same label overlaps it with IoU strictly above the
     * threshold (torchvision's {@code batched_nms} rule).
     *
     * @param boxes (n, 4) xyxy, any pixel frame (IoU does not depend on it)
     * @param scores (n) scores, not NaN
     * @param labels (n) class of each box
     * @param iouThreshold suppress at IoU > this
     * @return kept indices into the arrays, best score first
     * @throws IllegalArgumentException on mismatched lengths or a NaN score
     */
    public static int[] classAware(float[][] boxes, float[] scores, int[] labels, double iouThreshold) {
        int n = boxes.length;
        if (scores.length != n || labels.length != n) {
            throw new IllegalArgumentException("nms: " + n + " boxes, " + scores.length + " scores, "
                    + labels.length + " labels");
        }
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("nms: score " + i + " is NaN");
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(scores[b], scores[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        boolean[] suppressed = new boolean[n];
        int[] kept = new int[n];
        int count = 0;
        for (int p = 0; p < n; p++) {
            int i = order[p];
            if (suppressed[i]) {
                continue;
            }
            kept[count++] = i;
            for (int q = p + 1; q < n; q++) {
                int j = order[q];
                if (!suppressed[j] && labels[j] == labels[i] && BoxOps.iou(boxes[i], boxes[j]) > iouThreshold) {
                    suppressed[j] = true;
                }
            }
        }
        return Arrays.copyOf(kept, count);
    }
}
