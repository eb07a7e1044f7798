package org.dsrcnn.app.training;

import java.util.Map;

/**
 * A run's metrics at one moment, as columns (see {@link RunColumns}): arrays are shared with the
 * writer but only the first {@code trainRows} / {@code evalRows} values are read, and those never
 * change.
 *
 * @param train train columns by name ("total", "s6.cls", "positives.s3", "iter", ...)
 * @param trainRows train records so far
 * @param eval eval columns by name ("eval.AP", "iter", "wall_s", "images_seen")
 * @param evalRows eval records so far
 */
public record MetricsSnapshot(Map<String, double[]> train, int trainRows, Map<String, double[]> eval, int evalRows) {

    /** The last value of a train column, or NaN. */
    public double lastTrain(String name) {
        double[] c = train.get(name);
        return c == null || trainRows == 0 ? Double.NaN : c[trainRows - 1];
    }

    /** The last finite value of an eval column, or NaN. */
    public double lastEval(String name) {
        double[] c = eval.get(name);
        for (int i = evalRows - 1; c != null && i >= 0; i--) {
            if (Double.isFinite(c[i])) {
                return c[i];
            }
        }
        return Double.NaN;
    }

    /** The largest finite value of an eval column, or NaN. */
    public double bestEval(String name) {
        double[] c = eval.get(name);
        double best = Double.NaN;
        for (int i = 0; c != null && i < evalRows; i++) {
            if (Double.isFinite(c[i]) && !(c[i] <= best)) {
                best = c[i];
            }
        }
        return best;
    }
}
