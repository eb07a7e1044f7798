package org.dsrcnn.viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.ExpertTrace;
import org.dsrcnn.engine.trace.StageTrace;

/**
 * Traces built from plain arrays, the controls' real input type: each proposal moves linearly
 * from a random stage-0 box towards a random target box and its target class's logit grows with
 * the stage.
 */
public final class SyntheticTraces {

    private SyntheticTraces() {}

    public static DetectionTrace random(int n, int stages, int classes, int experts, int w, int h, long seed) {
        Random r = new Random(seed);
        float[][] start = new float[n][];
        float[][] target = new float[n][];
        int[] cls = new int[n];
        float[] finalLogit = new float[n];
        for (int i = 0; i < n; i++) {
            start[i] = box(r, w, h);
            target[i] = box(r, w, h);
            cls[i] = r.nextInt(classes);
            finalLogit[i] = (float) (r.nextGaussian() * 2.0 - 1.0);
        }
        List<StageTrace> st = new ArrayList<>();
        for (int s = 0; s <= stages; s++) {
            float f = s / (float) stages;
            float[][] boxes = new float[n][4];
            float[][] logits = s == 0 ? null : new float[n][classes];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 4; k++) {
                    boxes[i][k] = start[i][k] + (target[i][k] - start[i][k]) * f;
                }
                if (logits != null) {
                    for (int c = 0; c < classes; c++) {
                        logits[i][c] = -4f;
                    }
                    logits[i][cls[i]] = -4f + (finalLogit[i] + 4f) * f;
                }
            }
            st.add(new StageTrace(s, boxes, logits));
        }
        ExpertTrace ex = null;
        if (experts > 0) {
            float[][] weights = new float[n][experts];
            float[][][] eb = new float[experts][n][];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int e = 0; e < experts; e++) {
                    weights[i][e] = (float) Math.exp(r.nextGaussian());
                    sum += weights[i][e];
                }
                for (int e = 0; e < experts; e++) {
                    weights[i][e] /= (float) sum;
                    eb[e][i] = box(r, w, h);
                }
            }
            ex = new ExpertTrace(weights, eb, 1.0);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class" + c);
        }
        StageTrace last = st.get(stages);
        List<Detection> dets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dets.add(new Detection(i, last.topClass(i), last.topScore(i), last.boxes()[i].clone()));
        }
        dets.sort((a, b) -> Float.compare(b.score(), a.score()));
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("total", 1.0);
        return new DetectionTrace(w, h, names, st, ex, dets, timings);
    }

    private static float[] box(Random r, int w, int h) {
        float x1 = r.nextFloat() * w * 0.8f;
        float y1 = r.nextFloat() * h * 0.8f;
        float bw = 8 + r.nextFloat() * (w - x1 - 8);
        float bh = 8 + r.nextFloat() * (h - y1 - 8);
        return new float[] {x1, y1, Math.min(w, x1 + bw), Math.min(h, y1 + bh)};
    }
}
