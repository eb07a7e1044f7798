package org.dsrcnn.viewer.charts;

import javafx.scene.paint.Color;

/**
 * A diverging colour map for signed values mapped to [0, 1] (0 = most negative, 0.5 = zero, 1 = most
 * positive): blue -> near-white -> red, interpolated linearly between seven anchors of ColorBrewer's RdBu
 * (reversed, as matplotlib's {@code RdBu_r}). For differences, where the sign matters as much as the size.
 */
public final class Diverging {

    private static final double[][] ANCHORS = {
        {0.020, 0.188, 0.380}, {0.263, 0.576, 0.765}, {0.820, 0.898, 0.941}, {0.969, 0.969, 0.969},
        {0.992, 0.859, 0.780}, {0.839, 0.376, 0.302}, {0.404, 0.000, 0.122},
    };

    private Diverging() {}

    /** The colour of {@code v} (clamped to [0, 1]; NaN maps to the middle). */
    public static Color of(double v) {
        double x = (Double.isNaN(v) ? 0.5 : Math.max(0, Math.min(1, v))) * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) Math.floor(x));
        double f = x - i;
        double[] a = ANCHORS[i];
        double[] b = ANCHORS[i + 1];
        return Color.color(a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f);
    }
}
