package org.dsrcnn.viewer.charts;

import javafx.scene.paint.Color;

/**
 * A perceptually ordered colour map for values in [0, 1] (dark purple -> yellow), interpolated
 * linearly between nine anchors of matplotlib's viridis.
 */
public final class Viridis {

    private static final double[][] ANCHORS = {
        {0.267, 0.005, 0.329}, {0.283, 0.141, 0.458}, {0.254, 0.265, 0.530}, {0.207, 0.372, 0.553},
        {0.164, 0.471, 0.558}, {0.128, 0.567, 0.551}, {0.135, 0.659, 0.518}, {0.478, 0.821, 0.318},
        {0.993, 0.906, 0.144},
    };

    private Viridis() {}

    /** The colour of {@code v} (clamped to [0, 1]; NaN maps to 0). */
    public static Color of(double v) {
        double x = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v)) * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) Math.floor(x));
        double f = x - i;
        double[] a = ANCHORS[i];
        double[] b = ANCHORS[i + 1];
        return Color.color(a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f);
    }
}
