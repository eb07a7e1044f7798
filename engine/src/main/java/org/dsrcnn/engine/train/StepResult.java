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
 */
public record StepResult(Map<String, Double> losses, double gradNorm, int[] positives, boolean applied,
        String skipReason) {}
