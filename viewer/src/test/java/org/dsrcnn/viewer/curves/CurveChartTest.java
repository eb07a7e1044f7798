package org.dsrcnn.viewer.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dsrcnn.viewer.FxTestSupport;
import org.junit.jupiter.api.Test;

/** The chart control headless: smoothing on the full data, the read-out, log axes, decimation size. */
class CurveChartTest {

    @Test
    void readOutGivesEveryRunsSmoothedAndRawValueAtTheNearestX() throws Exception {
        String text = FxTestSupport.onFx(() -> {
            CurveChart chart = new CurveChart("total loss");
            chart.setCurves(List.of(
                    new Curve("a", "run a", "#1f77b4", new double[] {1, 2, 3}, new double[] {1, 0.5, 0}, 3),
                    new Curve("b", "run b", "#ff7f0e", new double[] {1, 2, 3}, new double[] {0, 0.5, 1}, 3)));
            return chart.readoutAt(2.2);
        });
        // TensorBoard's vectors at the second point: 0.6875 and 0.3125 (w 0.6, the default)
        assertEquals("run a 0.6875 (0.5000) @ 2   run b 0.3125 (0.5000) @ 2", text);
    }

    @Test
    void logYLeavesGapsWhereValuesAreNotPositive() throws Exception {
        double[] smoothed = FxTestSupport.onFx(() -> {
            CurveChart chart = new CurveChart("lr");
            chart.smoothingProperty().set(0);
            chart.logYProperty().set(true);
            chart.setCurves(List.of(new Curve("a", "a", "#1f77b4", new double[] {1, 2, 3}, new double[] {1e-4, 0, 1e-5}, 3)));
            return chart.smoothedValues(0);
        });
        assertEquals(1e-4, smoothed[0]);
        assertTrue(Double.isNaN(smoothed[1]), "0 has no place on a log axis");
        assertEquals(1e-5, smoothed[2]);
    }

    @Test
    void aLongCurveIsHandedToChartFxDecimated() throws Exception {
        int drawn = FxTestSupport.onFx(() -> {
            int n = 100_000;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + 1;
                y[i] = Math.sin(i / 100.0);
            }
            CurveChart chart = new CurveChart("loss");
            chart.setCurves(List.of(new Curve("a", "a", "#1f77b4", x, y, n)));
            return chart.drawnPoints();
        });
        // raw + smoothed, at most 4 points per pixel column of a 400-px-wide plot (its minimum)
        assertTrue(drawn <= 2 * 4 * 400 && drawn > 400, "drawn " + drawn);
    }

    @Test
    void theLegendGivesWayToTheRunListPastThreeCurves() throws Exception {
        boolean[] shown = FxTestSupport.onFx(() -> {
            CurveChart chart = new CurveChart("val AP");
            boolean[] r = new boolean[5];
            for (int k = 1; k <= 5; k++) {
                List<Curve> curves = new java.util.ArrayList<>();
                for (int i = 0; i < k; i++) {
                    curves.add(new Curve("r" + i, "run " + i, "#1f77b4", new double[] {1, 2}, new double[] {0, 1}, 2));
                }
                chart.setCurves(curves);
                r[k - 1] = chart.legendVisible();
            }
            return r;
        });
        org.junit.jupiter.api.Assertions.assertArrayEquals(new boolean[] {true, true, true, false, false}, shown);
    }
}
