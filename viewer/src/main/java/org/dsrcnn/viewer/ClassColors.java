package org.dsrcnn.viewer;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * A stable colour per class index: the same label has the same colour in every image, every
 * control and every session. The palette is built once by farthest-point sampling: label i gets
 * the candidate colour (a fixed grid of vivid HSB colours) farthest in RGB from the colours of
 * labels 0..i-1, so any two of the first 80 labels stay visibly apart and adding classes never
 * changes the earlier ones. Indices below 0 (no class) are grey.
 */
public final class ClassColors {

    /** Labels that get a colour of their own; higher ones wrap around. */
    public static final int PALETTE_SIZE = 128;

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
        List<Color> candidates = new ArrayList<>();
        double[] saturation = {0.95, 0.7, 0.5};
        double[] brightness = {0.95, 0.78, 0.6};
        for (int h = 0; h < 360; h += 5) {
            for (double s : saturation) {
                for (double b : brightness) {
                    candidates.add(Color.hsb(h, s, b));
                }
            }
        }
        Color[] palette = new Color[PALETTE_SIZE];
        double[] nearest = new double[candidates.size()];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int pick = candidates.indexOf(Color.hsb(0, 0.95, 0.95)); // label 0: a clear red
        for (int i = 0; i < PALETTE_SIZE; i++) {
            Color chosen = candidates.get(pick);
            palette[i] = chosen;
            int best = -1;
            double bestDistance = -1;
            for (int c = 0; c < candidates.size(); c++) {
                nearest[c] = Math.min(nearest[c], distance(candidates.get(c), chosen));
                if (nearest[c] > bestDistance) {
                    bestDistance = nearest[c];
                    best = c;
                }
            }
            pick = best;
        }
        return palette;
    }

    private static double distance(Color a, Color b) {
        double dr = a.getRed() - b.getRed();
        double dg = a.getGreen() - b.getGreen();
        double db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
