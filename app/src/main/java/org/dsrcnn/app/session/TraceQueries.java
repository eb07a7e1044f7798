package org.dsrcnn.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.StageTrace;

/** Small pure questions asked of a cached trace; everything here runs in microseconds. */
public final class TraceQueries {

    private TraceQueries() {}

    /** The detections with score >= threshold, in their order. */
    public static List<Detection> atLeast(List<Detection> detections, double threshold) {
        List<Detection> out = new ArrayList<>();
        for (Detection d : detections) {
            if (d.score() >= threshold) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * Proposal p's top class score after each stage.
     *
     * @return T values: [t - 1] = sigmoid of the largest logit of stage t
     */
    public static double[] topScores(DetectionTrace trace, int p) {
        double[] v = new double[trace.numStages()];
        for (int t = 1; t <= trace.numStages(); t++) {
            v[t - 1] = trace.stages().get(t).topScore(p);
        }
        return v;
    }

    /** One line about proposal p at a stage: its box, class and score there. */
    public static String describe(DetectionTrace trace, int p, int stage) {
        StageTrace st = trace.stages().get(stage);
        float[] b = st.boxes()[p];
        // the box as the image holds it (the exports clip the same way): a caption should not name
        // pixels that do not exist
        int w = trace.imageWidth();
        int h = trace.imageHeight();
        String where = String.format(Locale.ROOT, "[%.0f, %.0f, %.0f, %.0f]", clip(b[0], w), clip(b[1], h),
                clip(b[2], w), clip(b[3], h));
        if (st.logits() == null) {
            return String.format(Locale.ROOT, "proposal #%d · stage 0 (proposal) · box %s", p, where);
        }
        int c = st.topClass(p);
        String name = c < trace.classNames().size() ? trace.classNames().get(c) : "class " + c;
        return String.format(Locale.ROOT, "proposal #%d · stage %d · %s %.2f · box %s", p, stage, name,
                st.topScore(p), where);
    }

    private static double clip(float v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /**
     * The timings in short: total, then every part that is not a stage, then the stages summed:
     * {@code "total 120 ms · backbone 41 · proposals 5 · 6 stages 70 · postprocess 1"}.
     */
    public static String timingsShort(Map<String, Double> timingsMs) {
        StringBuilder sb = new StringBuilder();
        Double total = timingsMs.get("total");
        if (total != null) {
            sb.append(String.format(Locale.ROOT, "total %.0f ms", total));
        }
        double stages = 0;
        int stageCount = 0;
        StringBuilder after = new StringBuilder();
        for (Map.Entry<String, Double> e : timingsMs.entrySet()) {
            String k = e.getKey();
            if (k.equals("total")) {
                continue;
            }
            if (k.matches("stage\\d+")) {
                stages += e.getValue();
                stageCount++;
                continue;
            }
            StringBuilder target = stageCount > 0 ? after : sb;
            target.append(target.length() > 0 || target == after ? " · " : "")
                    .append(String.format(Locale.ROOT, "%s %.0f", k, e.getValue()));
        }
        if (stageCount > 0) {
            sb.append(String.format(Locale.ROOT, " · %d stages %.0f", stageCount, stages));
        }
        return sb.append(after).toString();
    }

    /** Parameter counts as people say them: 950, 12.3 K, 4.56 M. */
    public static String count(String digits) {
        try {
            double n = Double.parseDouble(digits);
            if (n >= 1e6) {
                return String.format(Locale.ROOT, "%.2f M", n / 1e6);
            }
            if (n >= 1e3) {
                return String.format(Locale.ROOT, "%.1f K", n / 1e3);
            }
            return String.format(Locale.ROOT, "%.0f", n);
        } catch (NumberFormatException e) {
            return digits;
        }
    }

    /**
     * The timings as one line, in the trace's order: {@code "total 120 ms · backbone 41 ms · ..."}
     * with total first.
     */
    public static String timings(Map<String, Double> timingsMs) {
        StringBuilder sb = new StringBuilder();
        Double total = timingsMs.get("total");
        if (total != null) {
            sb.append(String.format(Locale.ROOT, "total %.0f ms", total));
        }
        for (Map.Entry<String, Double> e : timingsMs.entrySet()) {
            if (e.getKey().equals("total")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(" · ");
            }
            sb.append(String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()));
        }
        return sb.toString();
    }
}
