package org.dsrcnn.engine.assign;

import java.util.Arrays;
import java.util.Random;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;

/** Builders of matching problems for tests and the benchmark. */
public final class TestProblems {

    private TestProblems() {}

    /** The paper preset's loss weights (2, 5, 2, alpha 0.25, gamma 2). */
    public static DsrcnnConfig.Loss paperLoss() {
        return Presets.load("paper").loss();
    }

    /** The paper preset's OTA settings with some fields replaced. */
    public static DsrcnnConfig.Matcher ota(String k, boolean unitIncreasing, double eps, int iters) {
        DsrcnnConfig.Matcher p = Presets.load("paper").matcher();
        return new DsrcnnConfig.Matcher(
                "ota", k, p.q(), unitIncreasing, p.unitStep(), p.positiveCap(), eps, iters);
    }

    /**
     * Well-separated scene: M GT on a grid of a 400 x 400 image, each with {@code perGt} predictions
     * jittered by at most {@code jitter} px and a confident logit (+3) at its class; the remaining
     * predictions are random boxes with logits of -4 everywhere.
     */
    public static MatchProblem separated(
            Random r, int m, int perGt, int n, int k, float jitter, int stage, int stages) {
        float[][] gt = new float[m][];
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            float x = 20 + (i % 4) * 95;
            float y = 20 + (i / 4) * 95;
            gt[i] = new float[] {x, y, x + 40 + r.nextInt(20), y + 40 + r.nextInt(20)};
            labels[i] = r.nextInt(k);
        }
        float[][] boxes = new float[n][];
        float[][] logits = new float[n][k];
        int p = 0;
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < perGt && p < n; c++, p++) {
                float[] g = gt[i];
                boxes[p] = new float[] {
                    g[0] + (r.nextFloat() * 2 - 1) * jitter, g[1] + (r.nextFloat() * 2 - 1) * jitter,
                    g[2] + (r.nextFloat() * 2 - 1) * jitter, g[3] + (r.nextFloat() * 2 - 1) * jitter};
                Arrays.fill(logits[p], -4f);
                logits[p][labels[i]] = 3f - 0.3f * c; // the c-th copy is a bit less confident
            }
        }
        for (; p < n; p++) {
            float x = r.nextFloat() * 380;
            float y = r.nextFloat() * 380;
            boxes[p] = new float[] {x, y, x + 5 + r.nextFloat() * 15, y + 5 + r.nextFloat() * 15};
            Arrays.fill(logits[p], -4f);
        }
        return new MatchProblem(logits, boxes, gt, labels, 400, 400, stage, stages);
    }

    /** Random scene: N predictions and M GT anywhere in a w x h image, logits N(0, 2). */
    public static MatchProblem random(Random r, int n, int m, int k, int stage, int stages) {
        float w = 800;
        float h = 600;
        float[][] boxes = new float[n][];
        float[][] logits = new float[n][k];
        for (int j = 0; j < n; j++) {
            boxes[j] = randomBox(r, w, h);
            for (int c = 0; c < k; c++) {
                logits[j][c] = (float) (r.nextGaussian() * 2 - 2);
            }
        }
        float[][] gt = new float[m][];
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            gt[i] = randomBox(r, w, h);
            labels[i] = r.nextInt(k);
        }
        return new MatchProblem(logits, boxes, gt, labels, w, h, stage, stages);
    }

    static float[] randomBox(Random r, float w, float h) {
        float bw = 10 + r.nextFloat() * w / 3;
        float bh = 10 + r.nextFloat() * h / 3;
        float x = r.nextFloat() * (w - bw);
        float y = r.nextFloat() * (h - bh);
        return new float[] {x, y, x + bw, y + bh};
    }
}
