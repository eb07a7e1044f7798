package org.dsrcnn.engine.train;

import java.util.ArrayDeque;

/**
 * Time left in a run: the remaining iterations times the mean duration of the last
 * {@link #WINDOW} iterations. A window, not the whole sitting, so the estimate follows a machine
 * that gets busier or freer; evaluations and checkpoints are not iterations and are left out.
 */
public final class EtaEstimator {

    static final int WINDOW = 20;

    private final ArrayDeque<Double> recent = new ArrayDeque<>();
    private double sum;

    /** Records the duration of one iteration. */
    void add(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return;
        }
        recent.addLast(seconds);
        sum += seconds;
        if (recent.size() > WINDOW) {
            sum -= recent.removeFirst();
        }
    }

    /** Seconds to go for {@code remaining} iterations; NaN before the first iteration. */
    double etaSeconds(long remaining) {
        if (recent.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, remaining) * (sum / recent.size());
    }

    /** {@code 1h02m}, {@code 4m05s}, {@code 12s}: how the progress line shows an ETA. */
    public static String format(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
