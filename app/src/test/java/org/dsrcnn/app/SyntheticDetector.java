package org.dsrcnn.app;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.infer.Detector;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.ExpertTrace;
import org.dsrcnn.engine.trace.StageTrace;

/**
 * A {@link Detector} that makes a trace of the right shapes from plain arrays (seeded by the
 * image size): 100 proposals, 6 stages, 8 classes, 4 experts; each proposal glides from a random
 * box to a target box and its class logit rises. A stand-in for tests of the view-models and
 * views that must not depend on a trained network; the end-to-end tests use the real one.
 */
public final class SyntheticDetector implements Detector {

    private final DsrcnnConfig config = Presets.load("small");
    private final List<String> names = List.of("circle", "square", "triangle", "star", "hexagon", "cross", "ring", "arrow");
    public int calls;

    @Override
    public DetectionTrace predict(BufferedImage image) {
        calls++;
        int w = image.getWidth();
        int h = image.getHeight();
        Random r = new Random(w * 31L + h);
        int n = 100;
        int stages = 6;
        int k = names.size();
        float[][] start = new float[n][];
        float[][] target = new float[n][];
        int[] cls = new int[n];
        float[] last = new float[n];
        for (int i = 0; i < n; i++) {
            start[i] = box(r, w, h);
            target[i] = box(r, w, h);
            cls[i] = r.nextInt(k);
            last[i] = i < 6 ? 2.5f - 0.4f * i : -6f + r.nextFloat() * 4f;  // 6 confident, the rest low
        }
        List<StageTrace> st = new ArrayList<>();
        for (int s = 0; s <= stages; s++) {
            float f = s / (float) stages;
            float[][] boxes = new float[n][4];
            float[][] logits = s == 0 ? null : new float[n][k];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 4; c++) {
                    boxes[i][c] = start[i][c] + (target[i][c] - start[i][c]) * f;
                }
                if (logits != null) {
                    java.util.Arrays.fill(logits[i], -8f);
                    logits[i][cls[i]] = -5f + (last[i] + 5f) * f;
                }
            }
            st.add(new StageTrace(s, boxes, logits));
        }
        float[][] weights = new float[n][4];
        float[][][] eb = new float[4][n][];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int e = 0; e < 4; e++) {
                weights[i][e] = (float) Math.exp(1.5 * r.nextGaussian() + (e == 0 ? 0.8 : 0));
                sum += weights[i][e];
            }
            for (int e = 0; e < 4; e++) {
                weights[i][e] /= (float) sum;
                eb[e][i] = box(r, w, h);
            }
        }
        StageTrace fin = st.get(stages);
        List<Detection> dets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dets.add(new Detection(i, fin.topClass(i), fin.topScore(i), fin.boxes()[i].clone()));
        }
        dets.sort((a, b) -> Float.compare(b.score(), a.score()));
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("backbone", 10.0);
        t.put("total", 12.0);
        return new DetectionTrace(w, h, names, st, new ExpertTrace(weights, eb, 1.0), dets, t);
    }

    private static float[] box(Random r, int w, int h) {
        float x1 = r.nextFloat() * w * 0.7f;
        float y1 = r.nextFloat() * h * 0.7f;
        float bw = Math.max(8, r.nextFloat() * (w - x1) * 0.8f);
        float bh = Math.max(8, r.nextFloat() * (h - y1) * 0.8f);
        return new float[] {x1, y1, Math.min(w, x1 + bw), Math.min(h, y1 + bh)};
    }

    @Override
    public DsrcnnConfig config() {
        return config;
    }

    @Override
    public List<String> classNames() {
        return names;
    }

    @Override
    public Map<String, String> description() {
        return Map.of("model", "synthetic", "provenance", "test double", "engine", "none", "device", "cpu",
                "threads", "1", "parameters", "0");
    }

    @Override
    public void close() {}
}
