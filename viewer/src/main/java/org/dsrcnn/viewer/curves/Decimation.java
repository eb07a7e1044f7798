package org.dsrcnn.viewer.curves;

import java.util.Arrays;

/**
 * Reduces a curve to what a screen can show: the points are cut into {@code buckets} runs of equal
 * index count and each run keeps its first, lowest, highest and last point, in x order (the "M4"
 * reduction of Jugel et al., VLDB 2014), so spikes survive and a line drawn through the kept points
 * covers the same pixels as one drawn through all of them. Non-finite values are skipped (a gap is
 * not a spike). Curves with at most {@code 4 * buckets} points are returned as they are.
 */
public final class Decimation {
    private Decimation() {}

    /** The kept points: {@code x[0..size)}, {@code y[0..size)}. */
    public record Points(double[] x, double[] y, int size) {}

    /**
     * @param x the x values, ascending, length &gt;= n
     * @param y the y values, length &gt;= n
     * @param n how many points are used
     * @param buckets the number of runs (e.g. the plot width in pixels)
     */
    public static Points reduce(double[] x, double[] y, int n, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be >= 1, got " + buckets);
        }
        if (n <= 4 * buckets) {
            double[] xs = new double[n];
            double[] ys = new double[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(y[i])) {
                    xs[k] = x[i];
                    ys[k++] = y[i];
                }
            }
            return new Points(xs, ys, k);
        }
        double[] xs = new double[4 * buckets];
        double[] ys = new double[4 * buckets];
        int k = 0;
        int[] picks = new int[4];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets);
            int to = (int) ((long) n * (b + 1) / buckets);
            int firstI = -1;
            int lastI = -1;
            int minI = -1;
            int maxI = -1;
            for (int i = from; i < to; i++) {
                double v = y[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (firstI < 0) {
                    firstI = i;
                    minI = i;
                    maxI = i;
                }
                lastI = i;
                if (v < y[minI]) {
                    minI = i;
                }
                if (v > y[maxI]) {
                    maxI = i;
                }
            }
            if (firstI < 0) {
                continue;
            }
            picks[0] = firstI;
            picks[1] = minI;
            picks[2] = maxI;
            picks[3] = lastI;
            Arrays.sort(picks);
            int previous = -1;
            for (int p : picks) {
                if (p != previous) {
                    xs[k] = x[p];
                    ys[k++] = y[p];
                    previous = p;
                }
            }
        }
        return new Points(xs, ys, k);
    }
}
