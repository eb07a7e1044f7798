package org.dsrcnn.engine.train;

import java.util.Map;

/**
 * What one optimisation step measured.
 *
 * @param losses every named loss ("s1.cls" .. "sT.giou") and "total", as plain numbers
 * @param gradNorm global gradient L2 norm before clipping
 * @param positives positives assigned per stage (index t-1)
 * @param applied false when the step was skipped (non-finite loss or gradient, invalid predictions)
 * @param skipReason why it was skipped, or null
 * @param meanKStar per stage (index t-1), the mean over the batch's GT boxes of k* (the number of
 *     positives OTA grants a GT after unit increasing and the cap; 1 for Hungarian); empty when
 *     skipped or without GT
 * @param dpg DPG statistics of the batch's expert weights ({@link
 *     org.dsrcnn.engine.diagnostics.DpgStatistics}: "entropy", "pairwise_tv", "max_weight"), empty
 *     for static proposals
 */
public record StepResult(Map<String, Double> losses, double gradNorm, int[] positives, boolean applied,
        String skipReason, double[] meanKStar, Map<String, Double> dpg) {

    /** A skipped step: nothing but the reason. */
    static StepResult skipped(String reason) {
        return new StepResult(Map.of("total", Double.NaN), Double.NaN, new int[0], false, reason, new double[0],
                Map.of());
    }
}
