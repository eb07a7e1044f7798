package org.dsrcnn.app.viewmodel;

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
        String where = String.format(Locale.ROOT, "[%.0f, %.0f, %.0f, %.0f]", b[0], b[1], b[2], b[3]);
        if (st.logits() == null) {
            return String.format(Locale.ROOT, "proposal #%d · stage 0 (proposal) · box %s", p, where);
        }
        int c = st.topClass(p);
        String name = c < trace.classNames().size() ? trace.classNames().get(c) : "class " + c;
        return String.format(Locale.ROOT, "proposal #%d · stage %d · %s %.2f · box %s", p, stage, name,
                st.topScore(p), where);
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
