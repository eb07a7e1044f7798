package org.dsrcnn.engine.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How image-dependent a DPG mix is over a set of images (paper §3.3, Eq. 3: the proposals entering
 * stage 1 should depend on the image). Plain Java over the per-image weights; every number is
 * defined below so that a model with static proposals scores 0 on the variation measures.
 *
 * <ul>
 *   <li>{@code entropy}: mean over images and proposals of H(w) = -sum_e w_e ln w_e, in nats
 *       (0 = one-hot, ln N_e = uniform);
 *   <li>{@code maxWeight}: mean over images and proposals of max_e w_e;
 *   <li>{@code pairwiseTv}: mean over proposals and over pairs of images (i, k) of the
 *       total-variation distance 0.5 sum_e |w_ie - w_ke| (0 = the same mix on every image, 1 =
 *       disjoint);
 *   <li>{@code weightStd}: mean over proposals and experts of the standard deviation over images
 *       of w_e (population std);
 *   <li>{@code argmaxChange}: mean over proposals of 1 - (share of images whose largest expert is
 *       the proposal's most frequent one);
 *   <li>{@code imageMix}, {@code imageMixStd}: per expert, the mean and std over images of the
 *       image-level mix (the mean over proposals of w_e);
 *   <li>{@code boxSpreadPx}: how far the mixed stage-0 boxes move between images: per proposal and
 *       coordinate, the std over images of the coordinate divided by its image side (width for x,
 *       height for y), averaged, times the mean image side; pixels at the mean image size. A
 *       proposal set that only scales with the image scores 0.
 * </ul>
 */
public record DpgStatistics(
        int images,
        int proposals,
        int experts,
        double entropy,
        double maxWeight,
        double pairwiseTv,
        double weightStd,
        double argmaxChange,
        double[] imageMix,
        double[] imageMixStd,
        double boxSpreadPx) {

    /** One image's DPG output. */
    public record ImageMix(
            /** (N_p, N_e) softmax weights, rows sum to 1. */
            float[][] weights,
            /** (N_p, 4) mixed stage-0 boxes, xyxy pixels of this image, or null (then no box spread). */
            float[][] boxes,
            int imageWidth,
            int imageHeight) {}

    /**
     * @param mixes at least one image, all with the same N_p and N_e
     * @throws IllegalArgumentException on an empty list or inconsistent shapes
     */
    public static DpgStatistics of(List<ImageMix> mixes) {
        if (mixes.isEmpty()) {
            throw new IllegalArgumentException("DPG statistics need at least one image");
        }
        int m = mixes.size();
        int n = mixes.get(0).weights().length;
        int ne = n == 0 ? 0 : mixes.get(0).weights()[0].length;
        for (ImageMix x : mixes) {
            if (x.weights().length != n || (n > 0 && x.weights()[0].length != ne)) {
                throw new IllegalArgumentException("DPG statistics: every image needs " + n + " x " + ne
                        + " weights, one has " + x.weights().length + " rows");
            }
        }
        double entropy = 0;
        double maxWeight = 0;
        double[] mixMean = new double[ne];
        double[] mixSq = new double[ne];
        for (ImageMix x : mixes) {
            double[] mix = new double[ne];
            for (float[] row : x.weights()) {
                double max = 0;
                for (int e = 0; e < ne; e++) {
                    double w = row[e];
                    if (w > 0) {
                        entropy -= w * Math.log(w);
                    }
                    max = Math.max(max, w);
                    mix[e] += w / n;
                }
                maxWeight += max;
            }
            for (int e = 0; e < ne; e++) {
                mixMean[e] += mix[e] / m;
                mixSq[e] += mix[e] * mix[e] / m;
            }
        }
        entropy /= (double) m * n;
        maxWeight /= (double) m * n;
        double[] mixStd = new double[ne];
        for (int e = 0; e < ne; e++) {
            mixStd[e] = Math.sqrt(Math.max(0, mixSq[e] - mixMean[e] * mixMean[e]));
        }

        double tv = 0;
        double std = 0;
        double argmaxChange = 0;
        float[] column = new float[m];
        int[] votes = new int[ne];
        for (int j = 0; j < n; j++) {
            if (m > 1) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    float[] a = mixes.get(i).weights()[j];
                    for (int k = i + 1; k < m; k++) {
                        float[] b = mixes.get(k).weights()[j];
                        double d = 0;
                        for (int e = 0; e < ne; e++) {
                            d += Math.abs(a[e] - b[e]);
                        }
                        sum += 0.5 * d;
                    }
                }
                tv += sum / (m * (m - 1) / 2.0);
            }
            for (int e = 0; e < ne; e++) {
                for (int i = 0; i < m; i++) {
                    column[i] = mixes.get(i).weights()[j][e];
                }
                std += populationStd(column);
            }
            java.util.Arrays.fill(votes, 0);
            for (ImageMix x : mixes) {
                votes[argmax(x.weights()[j])]++;
            }
            int modal = 0;
            for (int v : votes) {
                modal = Math.max(modal, v);
            }
            argmaxChange += 1 - modal / (double) m;
        }
        tv /= Math.max(1, n);
        std /= Math.max(1, (double) n * ne);
        argmaxChange /= Math.max(1, n);
        return new DpgStatistics(m, n, ne, entropy, maxWeight, tv, std, argmaxChange, mixMean, mixStd,
                boxSpread(mixes, n));
    }

    /** The numbers by name, for JSON and the metrics log. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("images", images);
        map.put("proposals", proposals);
        map.put("experts", experts);
        map.put("entropy", entropy);
        map.put("entropy_uniform", Math.log(experts));
        map.put("max_weight", maxWeight);
        map.put("pairwise_tv", pairwiseTv);
        map.put("weight_std", weightStd);
        map.put("argmax_change", argmaxChange);
        map.put("image_mix", imageMix);
        map.put("image_mix_std", imageMixStd);
        map.put("box_spread_px", boxSpreadPx);
        return map;
    }

    private static double boxSpread(List<ImageMix> mixes, int n) {
        int m = mixes.size();
        if (m < 2 || mixes.stream().anyMatch(x -> x.boxes() == null)) {
            return Double.NaN;
        }
        double side = 0;
        for (ImageMix x : mixes) {
            side += (x.imageWidth() + x.imageHeight()) / 2.0 / m;
        }
        double sum = 0;
        float[] column = new float[m];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < 4; c++) {
                for (int i = 0; i < m; i++) {
                    ImageMix x = mixes.get(i);
                    column[i] = x.boxes()[j][c] / (c % 2 == 0 ? x.imageWidth() : x.imageHeight());
                }
                sum += populationStd(column);
            }
        }
        return sum / Math.max(1, 4.0 * n) * side;
    }

    private static double populationStd(float[] v) {
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double sq = 0;
        for (float x : v) {
            sq += (x - mean) * (x - mean);
        }
        return Math.sqrt(sq / v.length);
    }

    /** The expert with the largest weight in a row (the first of equal ones). */
    public static int argmax(float[] row) {
        int best = 0;
        for (int e = 1; e < row.length; e++) {
            if (row[e] > row[best]) {
                best = e;
            }
        }
        return best;
    }
}
