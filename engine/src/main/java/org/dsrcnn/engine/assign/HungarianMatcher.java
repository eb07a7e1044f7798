package org.dsrcnn.engine.assign;

import java.util.Arrays;
import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * Sparse R-CNN's one-to-one assignment: the minimum-total-cost matching of GT and predictions
 * under {@link MatchingCost} ({@code linear_sum_assignment} per image in the official code). With M
 * <= N every GT gets exactly one prediction; with M > N every prediction gets one GT and M - N GT
 * go unmatched.
 */
public final class HungarianMatcher implements LabelMatcher {

    private final MatchingCost cost;

    public HungarianMatcher(DsrcnnConfig.Loss weights) {
        this.cost = new MatchingCost(weights);
    }

    @Override
    public String name() {
        return "hungarian";
    }

    @Override
    public Assignment match(MatchProblem problem) {
        CostMatrix costs = cost.compute(problem);
        int[] gtOfPrediction = new int[problem.numPredictions()];
        Arrays.fill(gtOfPrediction, -1);
        int[] predictionOfGt = Hungarian.solve(costs.total());
        for (int i = 0; i < predictionOfGt.length; i++) {
            if (predictionOfGt[i] >= 0) {
                gtOfPrediction[predictionOfGt[i]] = i;
            }
        }
        return new Assignment(
                name(), gtOfPrediction, costs, Assignment.perGt(problem, costs, gtOfPrediction, null),
                null, null, 0, 0.0, 0);
    }
}
