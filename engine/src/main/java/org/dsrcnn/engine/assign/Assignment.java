package org.dsrcnn.engine.assign;

import java.util.List;

/**
 * The result of a matcher on one {@link MatchProblem}: everything the explorer shows about it.
 *
 * @param matcher "hungarian" or "ota"
 * @param gtOfPrediction (N) the GT each prediction learns from, or -1 for background
 * @param costs (M, N) matching costs and their parts (row = GT, column = prediction)
 * @param gts (M) per GT: k, k*, positives and their costs
 * @param plan (M+1, N) OTA transport plan, last row = background; {@code null} for Hungarian
 * @param supplies OTA supplies (k, unit increasing, cap); {@code null} for Hungarian
 * @param sinkhornIterations Sinkhorn iterations run (0 for Hungarian and for an image without GT)
 * @param marginalError Sinkhorn's final max |plan marginal - target| (0 for Hungarian)
 * @param capDemoted OTA: predictions the argmax made positive but the 80 % cap turned into
 *     background (0 for Hungarian)
 */
public record Assignment(
        String matcher,
        int[] gtOfPrediction,
        CostMatrix costs,
        List<GtMatch> gts,
        double[][] plan,
        Supplies supplies,
        int sinkhornIterations,
        double marginalError,
        int capDemoted) {

    /** Number of predictions N. */
    public int numPredictions() {
        return gtOfPrediction.length;
    }

    /** Number of positive predictions. */
    public int positives() {
        int p = 0;
        for (int g : gtOfPrediction) {
            if (g >= 0) {
                p++;
            }
        }
        return p;
    }

    /** Number of background predictions. */
    public int background() {
        return gtOfPrediction.length - positives();
    }

    /** (P, 2) pairs {prediction, gt}, by ascending prediction index. */
    public int[][] pairs() {
        int[][] out = new int[positives()][];
        int p = 0;
        for (int j = 0; j < gtOfPrediction.length; j++) {
            if (gtOfPrediction[j] >= 0) {
                out[p++] = new int[] {j, gtOfPrediction[j]};
            }
        }
        return out;
    }

    /** Sum of the matching cost C over the pairs. */
    public double totalCost() {
        double sum = 0;
        for (int j = 0; j < gtOfPrediction.length; j++) {
            if (gtOfPrediction[j] >= 0) {
                sum += costs.total()[gtOfPrediction[j]][j];
            }
        }
        return sum;
    }

    /**
     * The plan with each row divided by its maximum (what OTA's argmax compares), (M+1, N); {@code
     * null} for Hungarian. Rows whose plan underflowed entirely stay 0.
     */
    public double[][] normalizedPlan() {
        if (plan == null) {
            return null;
        }
        double[][] out = new double[plan.length][];
        for (int i = 0; i < plan.length; i++) {
            double max = 0;
            for (double v : plan[i]) {
                max = Math.max(max, v);
            }
            out[i] = new double[plan[i].length];
            if (max > 0) {
                for (int j = 0; j < plan[i].length; j++) {
                    out[i][j] = plan[i][j] / max;
                }
            }
        }
        return out;
    }

    /** Builds the per-GT records from an assignment vector. */
    static List<GtMatch> perGt(
            MatchProblem problem, CostMatrix costs, int[] gtOfPrediction, Supplies supplies) {
        int m = problem.numGt();
        int[] counts = new int[m];
        for (int g : gtOfPrediction) {
            if (g >= 0) {
                counts[g]++;
            }
        }
        GtMatch[] out = new GtMatch[m];
        for (int i = 0; i < m; i++) {
            int[] pos = new int[counts[i]];
            double[] c = new double[counts[i]];
            int p = 0;
            for (int j = 0; j < gtOfPrediction.length; j++) {
                if (gtOfPrediction[j] == i) {
                    pos[p] = j;
                    c[p] = costs.total()[i][j];
                    p++;
                }
            }
            out[i] = supplies == null
                    ? new GtMatch(i, problem.gtLabels()[i], Double.NaN, 1, 1, pos, c)
                    : new GtMatch(i, problem.gtLabels()[i], supplies.topIouSum()[i],
                            supplies.k()[i], supplies.kStar()[i], pos, c);
        }
        return List.of(out);
    }
}
