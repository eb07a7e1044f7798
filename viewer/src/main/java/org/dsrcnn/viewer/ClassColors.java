package org.dsrcnn.viewer;

import javafx.scene.paint.Color;

/**
 * A stable colour per class index: the same label has the same colour in every image, every
 * control and every session, whatever the number of classes.
 *
 * <p>Labels 0..9 are Tableau 10, a qualitative palette designed for telling up to ten categories
 * apart (the synthetic shapes' 8 classes get its first 8: one green, one teal, no two alike).
 * Labels 10.. continue it for large label sets such as COCO's 80 with Glasbey's method: each next
 * colour is the candidate (an sRGB grid, limited to mid lightness so a box shows on dark and light
 * images) farthest in CIE L*a*b* from every colour before it. The first ten stay Tableau's, and
 * the minimum distance stays as large as the greedy choice allows (delta E above 11 for 80 labels,
 * {@code ClassColorsTest}). Indices below 0 (no class) are grey.
 */
public final class ClassColors {

    /** Labels that get a colour of their own; higher ones wrap around. */
    public static final int PALETTE_SIZE = 128;

    private static final String[] TABLEAU_10 = {
        "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"
    };

    private static final Color[] PALETTE = build();

    private ClassColors() {}

    /** The colour of class {@code label}. */
    public static Color of(int label) {
        if (label < 0) {
            return Color.gray(0.6);
        }
        return PALETTE[label % PALETTE_SIZE];
    }

    /** The colour of class {@code label} with the given opacity in [0, 1]. */
    public static Color of(int label, double opacity) {
        Color c = of(label);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0, Math.min(1, opacity)));
    }

    private static Color[] build() {
        java.util.List<Color> candidates = new java.util.ArrayList<>();
        java.util.List<double[]> candidateLab = new java.util.ArrayList<>();
        for (int r = 0; r <= 255; r += 17) {
            for (int g = 0; g <= 255; g += 17) {
                for (int b = 0; b <= 255; b += 17) {
                    Color c = Color.rgb(r, g, b);
                    double[] lab = lab(c);
                    if (lab[0] >= 30 && lab[0] <= 88) {
                        candidates.add(c);
                        candidateLab.add(lab);
                    }
                }
            }
        }
        Color[] palette = new Color[PALETTE_SIZE];
        double[] nearest = new double[candidates.size()];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int i = 0; i < PALETTE_SIZE; i++) {
            Color chosen;
            if (i < TABLEAU_10.length) {
                chosen = Color.web(TABLEAU_10[i]);
            } else {
                int best = 0;
                for (int c = 1; c < candidates.size(); c++) {
                    if (nearest[c] > nearest[best]) {
                        best = c;
                    }
                }
                chosen = candidates.get(best);
            }
            palette[i] = chosen;
            double[] l = lab(chosen);
            for (int c = 0; c < candidates.size(); c++) {
                nearest[c] = Math.min(nearest[c], distance(candidateLab.get(c), l));
            }
        }
        return palette;
    }

    /** CIE L*a*b* (D65) of an sRGB colour. */
    static double[] lab(Color c) {
        double[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        double x = f((0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047);
        double y = f(0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]);
        double z = f((0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double distance(double[] a, double[] b) {
        double dl = a[0] - b[0];
        double da = a[1] - b[1];
        double db = a[2] - b[2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }
}
