package org.dsrcnn.app.assignment;

import java.util.List;
import org.dsrcnn.engine.assign.Assignment;

/**
 * Everything the Assignment page shows for one state of the boxes and settings, as plain data.
 * Indices into the GT are the problem's (see {@link #gtIndex}); predictions are proposal indices.
 *
 * @param stage the stage t (1..T) of the chosen assignment
 * @param chosen the panel's matcher at stage t
 * @param ota OTA (the panel's k, q, unit increasing, cap, Sinkhorn) at stage t, for the side-by-side view
 * @param hungarian Hungarian at stage t
 * @param chosenPerStage the panel's matcher at stages 1..T (index t-1): the follow-one-query strip
 * @param otaPositives positives at stages 1..T with OTA
 * @param hungarianPositives positives at stages 1..T with Hungarian
 * @param gtIndex for each GT of the problem, its index in the page's box list (boxes of a class
 *     the model does not know are left out of the problem)
 * @param leftOut boxes left out (class unknown to the model)
 */
public record AssignmentResult(
        int stage,
        Assignment chosen,
        Assignment ota,
        Assignment hungarian,
        List<Assignment> chosenPerStage,
        int[] otaPositives,
        int[] hungarianPositives,
        int[] gtIndex,
        int leftOut) {

    /**
     * Columns of the cost matrix in a readable order at 300 predictions: grouped by assigned GT
     * (GT 0's positives first, ...), background last, each group by ascending cost (the background
     * by its cheapest GT's cost).
     */
    public int[] columnOrder() {
        int n = chosen.numPredictions();
        int m = chosen.costs().rows();
        Integer[] idx = new Integer[n];
        double[] key = new double[n];
        int[] group = new int[n];
        for (int j = 0; j < n; j++) {
            idx[j] = j;
            int g = chosen.gtOfPrediction()[j];
            group[j] = g >= 0 ? g : m;
            if (g >= 0) {
                key[j] = chosen.costs().total()[g][j];
            } else {
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i < m; i++) {
                    best = Math.min(best, chosen.costs().total()[i][j]);
                }
                key[j] = best;
            }
        }
        java.util.Arrays.sort(idx, (a, b) -> group[a] != group[b] ? Integer.compare(group[a], group[b])
                : key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(a, b));
        return java.util.Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }
}
