package org.dsrcnn.app.explorer;

import java.nio.file.Path;
import java.util.Locale;
import org.dsrcnn.engine.diagnostics.DpgStatistics;
import org.dsrcnn.engine.trace.DetectionTrace;

/**
 * How one image's DPG output differs from a pinned image's (paper §3.3: the mix, and so the
 * proposals entering stage 1, should depend on the image). Over the N_p proposals:
 *
 * <ul>
 *   <li>{@code meanTv}: mean total-variation distance between the two images' weight rows, 0.5 *
 *       sum_e |w_a - w_b| (0 = the same mix, 1 = disjoint experts); the pairwise TV of {@code
 *       dsrcnn dpg-stats} for two images;
 *   <li>{@code topExpertChanged}: the fraction of proposals whose largest-weight expert differs;
 *   <li>{@code boxShiftPx}: the mean |difference| of the stage-0 box coordinates, each divided by its
 *       image's side (width for x, height for y), times the mean side of the two images: how far the
 *       proposals move, in pixels at the images' mean size (0 for proposals that only scale with the
 *       image).
 * </ul>
 */
record DpgComparison(double meanTv, double topExpertChanged, double boxShiftPx) {

    /** The DPG output of one analysed image, kept to compare others with. */
    record Pinned(Path image, float[][] weights, float[][] stage0Boxes, int width, int height) {

        /** The trace's image, or null when its model has no DPG experts. */
        static Pinned of(Path image, DetectionTrace t) {
            if (t == null || t.experts() == null) {
                return null;
            }
            return new Pinned(image, t.experts().weights(), t.stages().get(0).boxes(), t.imageWidth(), t.imageHeight());
        }

        String name() {
            return image == null ? "the pinned image" : String.valueOf(image.getFileName());
        }

        boolean sameShape(Pinned o) {
            return weights.length == o.weights.length && (weights.length == 0 || weights[0].length == o.weights[0].length);
        }
    }

    /** {@code b} against {@code a}; null when their shapes differ (another model). */
    static DpgComparison between(Pinned a, Pinned b) {
        if (!a.sameShape(b)) {
            return null;
        }
        int n = a.weights().length;
        double tv = 0;
        int changed = 0;
        double shift = 0;
        for (int j = 0; j < n; j++) {
            float[] wa = a.weights()[j];
            float[] wb = b.weights()[j];
            double d = 0;
            for (int e = 0; e < wa.length; e++) {
                d += Math.abs(wa[e] - wb[e]);
            }
            tv += 0.5 * d;
            if (DpgStatistics.argmax(wa) != DpgStatistics.argmax(wb)) {
                changed++;
            }
            for (int k = 0; k < 4; k++) {
                double sideA = k % 2 == 0 ? a.width() : a.height();
                double sideB = k % 2 == 0 ? b.width() : b.height();
                shift += Math.abs(a.stage0Boxes()[j][k] / sideA - b.stage0Boxes()[j][k] / sideB);
            }
        }
        double meanSide = (a.width() + a.height() + b.width() + b.height()) / 4.0;
        return n == 0 ? new DpgComparison(0, 0, 0)
                : new DpgComparison(tv / n, changed / (double) n, shift / (4.0 * n) * meanSide);
    }

    /** One line for the expert panel, e.g. "vs 01-shapes.png: mean TV 0.056 · top expert differs for 17 % · boxes move 0.8 px". */
    String describe(String pinnedName) {
        return String.format(Locale.ROOT, "vs %s: mean TV %.3f · top expert differs for %.0f\u00a0%% · stage-0 boxes move %.1f\u00a0px",
                pinnedName, meanTv, 100 * topExpertChanged, boxShiftPx);
    }
}
