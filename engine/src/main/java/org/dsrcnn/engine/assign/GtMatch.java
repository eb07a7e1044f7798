package org.dsrcnn.engine.assign;

/**
 * What one GT got from a matcher.
 *
 * @param gt index of the GT (row of the cost matrix)
 * @param label its class
 * @param topIouSum OTA dynamic k: sum of its q largest IoUs; NaN for a fixed k and for Hungarian
 * @param k the k estimate (1 for Hungarian)
 * @param kStar its supply after unit increasing and the cap (1 for Hungarian)
 * @param positives indices of the predictions assigned to it, ascending
 * @param costs matching cost C of each positive, aligned with {@code positives}
 */
public record GtMatch(
        int gt, int label, double topIouSum, double k, double kStar, int[] positives, double[] costs) {}
