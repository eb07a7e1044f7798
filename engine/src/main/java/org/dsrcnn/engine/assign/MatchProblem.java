package org.dsrcnn.engine.assign;

import org.dsrcnn.engine.box.BoxOps;

/**
 * One image's label-assignment problem at one head stage, as plain arrays. The constructor checks
 * everything and throws {@link IllegalArgumentException} with a one-line reason on bad input.
 *
 * @param logits (N, K) class logits of the predictions (sigmoid/focal, no background column)
 * @param boxes (N, 4) predicted boxes, xyxy in input pixels; finite with x2 >= x1, y2 >= y1
 * @param gtBoxes (M, 4) ground-truth boxes, xyxy in input pixels; same rules; M may be 0
 * @param gtLabels (M) class indices in 0..K-1
 * @param imageWidth width of the (unpadded) input image, > 0; divides x coordinates for the L1 cost
 * @param imageHeight height of the input image, > 0
 * @param stage head stage t, 1..stages (drives the unit-increasing supply of OTA)
 * @param stages number of head stages T
 */
public record MatchProblem(
        float[][] logits,
        float[][] boxes,
        float[][] gtBoxes,
        int[] gtLabels,
        float imageWidth,
        float imageHeight,
        int stage,
        int stages) {

    public MatchProblem {
        if (logits == null || boxes == null || gtBoxes == null || gtLabels == null) {
            throw new IllegalArgumentException("logits, boxes, gt boxes and gt labels are required");
        }
        if (logits.length != boxes.length) {
            throw new IllegalArgumentException(
                    "predictions: " + logits.length + " logit rows but " + boxes.length + " boxes");
        }
        if (gtBoxes.length != gtLabels.length) {
            throw new IllegalArgumentException(
                    "gt: " + gtBoxes.length + " boxes but " + gtLabels.length + " labels");
        }
        if (!(imageWidth > 0) || !(imageHeight > 0)
                || !Float.isFinite(imageWidth) || !Float.isFinite(imageHeight)) {
            throw new IllegalArgumentException(
                    "image size must be positive and finite, got " + imageWidth + " x " + imageHeight);
        }
        if (stages < 1 || stage < 1 || stage > stages) {
            throw new IllegalArgumentException(
                    "stage must be in 1.." + stages + " (stages >= 1), got " + stage);
        }
        int k = logits.length == 0 ? -1 : commonRowLength(logits);
        if (k == 0) {
            throw new IllegalArgumentException("logit rows are empty: need K >= 1 classes");
        }
        for (int j = 0; j < logits.length; j++) {
            if (logits[j].length != k) {
                throw new IllegalArgumentException("prediction " + j + " has " + logits[j].length + " logits, expected "
                        + k + " (the length of most rows)");
            }
            for (float v : logits[j]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("prediction " + j + " has a non-finite logit: " + v);
                }
            }
            checkBox("prediction " + j, boxes[j]);
        }
        for (int i = 0; i < gtBoxes.length; i++) {
            checkBox("gt " + i, gtBoxes[i]);
            if (gtLabels[i] < 0 || (k > 0 && gtLabels[i] >= k)) {
                throw new IllegalArgumentException(
                        "gt " + i + " has class " + gtLabels[i] + ", outside 0.." + (k - 1));
            }
        }
    }

    /**
     * K, the length most logit rows have: the odd row out is the one to blame, even when it is row 0
     * (a row-0 yardstick would blame every correct row after a bad first one).
     */
    private static int commonRowLength(float[][] logits) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (float[] row : logits) {
            counts.merge(row == null ? 0 : row.length, 1, Integer::sum);
        }
        int best = logits[0] == null ? 0 : logits[0].length; // ties go to row 0
        for (java.util.Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Number of predictions N. */
    public int numPredictions() {
        return boxes.length;
    }

    /** Number of ground-truth boxes M. */
    public int numGt() {
        return gtLabels.length;
    }

    /** Number of classes K (0 when there are no predictions). */
    public int numClasses() {
        return logits.length == 0 ? 0 : logits[0].length;
    }

    private static void checkBox(String what, float[] box) {
        if (box == null || box.length != 4) {
            throw new IllegalArgumentException(
                    what + ": a box needs 4 numbers x1,y1,x2,y2, got " + (box == null ? 0 : box.length));
        }
        if (!BoxOps.isValid(box)) {
            throw new IllegalArgumentException(
                    what + ": box must be finite with x2 >= x1 and y2 >= y1, got ["
                            + box[0] + ", " + box[1] + ", " + box[2] + ", " + box[3] + "]");
        }
    }
}
