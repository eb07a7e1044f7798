package org.dsrcnn.engine.data.shapes;

import java.awt.Color;
import java.util.SplittableRandom;

/** Random colours: muted ones for backgrounds and clutter, vivid ones for objects. */
final class Palette {

    private Palette() {}

    /** Low saturation, any brightness: what backgrounds are made of. */
    static Color muted(SplittableRandom rng) {
        return Color.getHSBColor((float) rng.nextDouble(), (float) (0.5 * rng.nextDouble()),
                (float) (0.2 + 0.75 * rng.nextDouble()));
    }

    /** Any hue, fairly saturated, not too dark: object colours. */
    static Color vivid(SplittableRandom rng) {
        return Color.getHSBColor((float) rng.nextDouble(), (float) (0.3 + 0.7 * rng.nextDouble()),
                (float) (0.35 + 0.65 * rng.nextDouble()));
    }

    /** Anything at all (clutter may look like anything but the eight shapes). */
    static Color any(SplittableRandom rng) {
        return new Color(rng.nextInt(256), rng.nextInt(256), rng.nextInt(256));
    }

    /** The colour with its alpha set to {@code alpha} (0..1). */
    static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** Brighter (factor &gt; 1) or darker (&lt; 1), clamped. */
    static Color scaled(Color c, double factor) {
        return new Color(clamp(c.getRed() * factor), clamp(c.getGreen() * factor), clamp(c.getBlue() * factor));
    }

    /** Euclidean RGB distance. */
    static double distance(Color a, int rgb) {
        double dr = a.getRed() - ((rgb >> 16) & 0xFF);
        double dg = a.getGreen() - ((rgb >> 8) & 0xFF);
        double db = a.getBlue() - (rgb & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
