package org.dsrcnn.viewer.curves;

import java.util.Objects;

/**
 * One run's values of one metric, as the chart draws it.
 *
 * @param id stable id (the run's name): colours and toggles follow it
 * @param label shown in the legend and the hover read-out
 * @param color the run's colour, CSS form ({@code #1f77b4})
 * @param x the x values (iteration, images seen or wall seconds), ascending
 * @param y the raw y values, NaN where the record had none
 * @param size how many of the values are used (the arrays may be larger, growing as lines arrive)
 */
public record Curve(String id, String label, String color, double[] x, double[] y, int size) {
    public Curve {
        Objects.requireNonNull(id, "id");
        if (size < 0 || size > x.length || size > y.length) {
            throw new IllegalArgumentException("curve " + id + ": size " + size + " exceeds its arrays ("
                    + x.length + ", " + y.length + ")");
        }
    }

    /** The index of the point whose x is nearest {@code value}, or -1 when the curve is empty. */
    public int nearest(double value) {
        if (size == 0) {
            return -1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(x[lo - 1] - value) <= Math.abs(x[lo] - value)) {
            return lo - 1;
        }
        return lo;
    }
}
