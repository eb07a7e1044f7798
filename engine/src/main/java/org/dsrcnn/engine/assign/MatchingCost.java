package org.dsrcnn.engine.assign;

import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * The matching cost of Sparse R-CNN (spec §2), in plain Java:
 *
 * <pre>
 * C[i][j] = w_cls * Ccls + w_L1 * L1(box_j / whwh, gt_i / whwh) + w_giou * (-GIoU(box_j, gt_i))
 * Ccls    = alpha * (1-p)^gamma * (-log(p + 1e-8)) - (1-alpha) * p^gamma * (-log(1-p + 1e-8))
 * p       = sigmoid(logit[j][label_i])
 * </pre>
 *
 * with the weights and focal parameters of {@link DsrcnnConfig.Loss} (2, 5, 2, alpha 0.25, gamma 2).
 * The L1 term compares {@code xyxy} boxes divided by (w, h, w, h) of the input image; GIoU uses the
 * pixel boxes. The OTA matcher uses the same rows for its GT suppliers and a background row of 0
 * (equivalent to OTA's focal-against-zero background, spec §5.1).
 */
public final class MatchingCost {

    private static final double LOG_EPS = 1e-8;

    private final DsrcnnConfig.Loss weights;

    public MatchingCost(DsrcnnConfig.Loss weights) {
        this.weights = weights;
    }

    /** The loss weights and focal parameters in use. */
    public DsrcnnConfig.Loss weights() {
        return weights;
    }

    /** (M, N) costs and their parts for a validated problem. */
    public CostMatrix compute(MatchProblem problem) {
        int m = problem.numGt();
        int n = problem.numPredictions();
        double[][] total = new double[m][n];
        double[][] cls = new double[m][n];
        double[][] l1 = new double[m][n];
        double[][] giou = new double[m][n];
        double[][] iou = new double[m][n];
        double invW = 1.0 / problem.imageWidth();
        double invH = 1.0 / problem.imageHeight();
        float[][] boxes = problem.boxes();
        // the focal cost depends only on (prediction, class): compute each GT class's column once
        double[][] clsByLabel = new double[Math.max(0, problem.numClasses())][];
        for (int i = 0; i < m; i++) {
            int label = problem.gtLabels()[i];
            if (clsByLabel[label] == null) {
                clsByLabel[label] = focalCostColumn(problem.logits(), label);
            }
            float[] gf = problem.gtBoxes()[i];
            double g0 = gf[0], g1 = gf[1], g2 = gf[2], g3 = gf[3];
            double gArea = (g2 - g0) * (g3 - g1);
            for (int j = 0; j < n; j++) {
                float[] bf = boxes[j];
                double b0 = bf[0], b1 = bf[1], b2 = bf[2], b3 = bf[3];
                double bArea = (b2 - b0) * (b3 - b1);
                double iw = Math.min(b2, g2) - Math.max(b0, g0);
                double ih = Math.min(b3, g3) - Math.max(b1, g1);
                double inter = iw > 0 && ih > 0 ? iw * ih : 0.0;
                double union = bArea + gArea - inter;
                double iouValue = union > 0 ? inter / union : 0.0;
                double enclosing = (Math.max(b2, g2) - Math.min(b0, g0)) * (Math.max(b3, g3) - Math.min(b1, g1));
                double giouValue =
                        enclosing > 0 ? iouValue - (enclosing - union) / enclosing : iouValue;
                double l1Value =
                        Math.abs(b0 - g0) * invW + Math.abs(b1 - g1) * invH
                                + Math.abs(b2 - g2) * invW + Math.abs(b3 - g3) * invH;
                double c = clsByLabel[label][j];
                cls[i][j] = c;
                l1[i][j] = l1Value;
                giou[i][j] = giouValue;
                iou[i][j] = iouValue;
                total[i][j] =
                        weights.clsWeight() * c + weights.l1Weight() * l1Value
                                - weights.giouWeight() * giouValue;
            }
        }
        return new CostMatrix(total, cls, l1, giou, iou);
    }

    /** Focal cost pos - neg of every prediction at class {@code label}: (N). */
    private double[] focalCostColumn(float[][] logits, int label) {
        double alpha = weights.focalAlpha();
        double gamma = weights.focalGamma();
        double[] out = new double[logits.length];
        for (int j = 0; j < logits.length; j++) {
            double p = 1.0 / (1.0 + Math.exp(-logits[j][label]));
            double q = 1 - p;
            // gamma = 2 (the default) without Math.pow, which costs as much as the rest of the row
            double pos = alpha * (gamma == 2.0 ? q * q : Math.pow(q, gamma)) * -Math.log(p + LOG_EPS);
            double neg = (1 - alpha) * (gamma == 2.0 ? p * p : Math.pow(p, gamma)) * -Math.log(q + LOG_EPS);
            out[j] = pos - neg;
        }
        return out;
    }
}
