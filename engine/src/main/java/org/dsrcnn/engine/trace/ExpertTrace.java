package org.dsrcnn.engine.trace;

/**
 * How Dynamic Proposal Generation mixed its experts for one image (paper Eq. 3).
 *
 * @param weights (N_p, N_e) softmax expert weights per proposal; each row sums to 1
 * @param expertBoxes (N_e, N_p, 4) each expert's candidate box, xyxy in original-image pixels
 * @param tau the softmax temperature used
 */
public record ExpertTrace(float[][] weights, float[][][] expertBoxes, double tau) {

    /** Number of experts N_e. */
    public int experts() {
        return expertBoxes.length;
    }

    /** The image-level mix: the mean over proposals of each expert's weight; sums to 1. */
    public double[] imageMix() {
        int ne = experts();
        double[] mix = new double[ne];
        for (float[] row : weights) {
            for (int e = 0; e < ne; e++) {
                mix[e] += row[e];
            }
        }
        for (int e = 0; e < ne; e++) {
            mix[e] /= Math.max(1, weights.length);
        }
        return mix;
    }
}
