package org.dsrcnn.engine.assign;

import java.util.Arrays;

/**
 * How many label units each GT supplies to OTA at stage t (paper §3.2, spec §5.1), step by step:
 *
 * <ol>
 *   <li>k: fixed, or dynamic {@code k_i = max(1, floor(sum of the q largest IoUs of GT i with the
 *       stage's predicted boxes))} (OTA's dynamic-k estimate; a slack of 1e-6 before the floor keeps
 *       sums such as 0.6 + 0.4 from truncating to 0.99999 -> 0);
 *   <li>unit increasing (Eq. 2): {@code k*_i = max(1, k_i - step * (T - t))}, fractional values kept;
 *   <li>cap: if {@code sum k* > cap * N}, every k* is multiplied by {@code cap * N / sum k*} (one factor
 *       for all GT, as the paper says; a k* may then fall below 1).
 * </ol>
 *
 * The background supply is {@code N - sum k*} (at least (1 - cap) N).
 *
 * @param topIouSum (M) sum of the q largest IoUs of each GT (NaN for a fixed k)
 * @param k (M) the estimate before unit increasing
 * @param kUnit (M) after unit increasing, before the cap
 * @param kStar (M) the supplies OTA uses
 * @param capScale the factor the cap applied (1 when inactive)
 * @param background the background supply N - sum kStar
 */
public record Supplies(
        double[] topIouSum, double[] k, double[] kUnit, double[] kStar, double capScale, double background) {

    private static final double FLOOR_SLACK = 1e-6;

    /**
     * Computes the supplies.
     *
     * @param iou (M, N) IoU of each GT with each prediction
     * @param fixedK the fixed k (>= 1), or 0 for the dynamic estimate
     * @param q number of top IoUs summed for the dynamic estimate (>= 1)
     * @param unitIncreasing whether to apply Eq. 2
     * @param unitStep the 0.5 of Eq. 2
     * @param stage t in 1..T
     * @param stages T
     * @param positiveCap fraction of N that may be positive (0.8)
     */
    public static Supplies compute(
            double[][] iou,
            int n,
            int fixedK,
            int q,
            boolean unitIncreasing,
            double unitStep,
            int stage,
            int stages,
            double positiveCap) {
        int m = iou.length;
        double[] sums = new double[m];
        double[] k = new double[m];
        double[] kUnit = new double[m];
        double[] kStar = new double[m];
        for (int i = 0; i < m; i++) {
            if (fixedK > 0) {
                sums[i] = Double.NaN;
                k[i] = fixedK;
            } else {
                sums[i] = topSum(iou[i], q);
                k[i] = Math.max(1, Math.floor(sums[i] + FLOOR_SLACK));
            }
            kUnit[i] = unitIncreasing ? Math.max(1, k[i] - unitStep * (stages - stage)) : k[i];
        }
        double total = 0;
        for (double v : kUnit) {
            total += v;
        }
        double limit = positiveCap * n;
        double scale = total > limit && total > 0 ? limit / total : 1.0;
        double used = 0;
        for (int i = 0; i < m; i++) {
            kStar[i] = kUnit[i] * scale;
            used += kStar[i];
        }
        return new Supplies(sums, k, kUnit, kStar, scale, Math.max(0, n - used));
    }

    /** Sum of the q largest values of a row (all of them when the row is shorter). */
    static double topSum(double[] row, int q) {
        if (row.length <= q) {
            double s = 0;
            for (double v : row) {
                s += v;
            }
            return s;
        }
        // q is small (8): keep the q largest in a sorted buffer
        double[] top = new double[q];
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (double v : row) {
            if (v > top[0]) {
                int p = 0;
                while (p + 1 < q && top[p + 1] < v) {
                    top[p] = top[p + 1];
                    p++;
                }
                top[p] = v;
            }
        }
        double s = 0;
        for (double v : top) {
            s += v;
        }
        return s;
    }
}
