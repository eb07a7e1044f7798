package org.dsrcnn.engine.trace;

/**
 * One step of the box refinement of one image.
 *
 * @param stage 0 for the proposals entering stage 1 (the DPG output, or the learned proposals),
 *     1..T for the output of head stage t
 * @param boxes (N, 4) xyxy in original-image pixels
 * @param logits (N, K) class logits (focal, no background column); {@code null} for stage 0
 */
public record StageTrace(int stage, float[][] boxes, float[][] logits) {

    /** Number of proposals N. */
    public int size() {
        return boxes.length;
    }

    /** sigmoid of the largest logit of proposal {@code i}, or NaN at stage 0. */
    public float topScore(int i) {
        if (logits == null) {
            return Float.NaN;
        }
        float best = Float.NEGATIVE_INFINITY;
        for (float v : logits[i]) {
            best = Math.max(best, v);
        }
        return (float) (1.0 / (1.0 + Math.exp(-best)));
    }

    /** index of the largest logit of proposal {@code i}, or -1 at stage 0. */
    public int topClass(int i) {
        if (logits == null) {
            return -1;
        }
        int best = 0;
        for (int c = 1; c < logits[i].length; c++) {
            if (logits[i][c] > logits[i][best]) {
                best = c;
            }
        }
        return best;
    }
}
