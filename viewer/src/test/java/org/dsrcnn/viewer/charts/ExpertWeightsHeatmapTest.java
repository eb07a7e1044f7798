package org.dsrcnn.viewer.charts;

import static org.dsrcnn.viewer.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.Test;

class ExpertWeightsHeatmapTest {

    // 4 proposals x 2 experts; by expert 0 descending: p2 (0.9), p0 (0.6), p3 (0.5), p1 (0.2)
    private static final float[][] W = {{0.6f, 0.4f}, {0.2f, 0.8f}, {0.9f, 0.1f}, {0.5f, 0.5f}};

    private static ExpertWeightsHeatmap make() {
        ExpertWeightsHeatmap h = new ExpertWeightsHeatmap();
        h.resize(234, 18 + 4 * 20); // rows 20 px tall, columns (234 - 34 - 6) / 2 = 97 px wide
        h.weightsProperty().set(W);
        return h;
    }

    private static void click(ExpertWeightsHeatmap h, double x, double y) {
        h.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, x, y, x, y, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, false, false, true, null));
    }

    @Test
    void sortsByAnExpertsWeightDescending() throws Exception {
        int[][] orders = onFx(() -> {
            ExpertWeightsHeatmap h = make();
            int[] byIndex = h.rowOrder();
            h.sortExpertProperty().set(0);
            int[] byE0 = h.rowOrder();
            h.sortExpertProperty().set(1);
            int[] byE1 = h.rowOrder();
            return new int[][] {byIndex, byE0, byE1};
        });
        assertArrayEquals(new int[] {0, 1, 2, 3}, orders[0]);
        assertArrayEquals(new int[] {2, 0, 3, 1}, orders[1]);
        assertArrayEquals(new int[] {1, 3, 0, 2}, orders[2]);
    }

    @Test
    void clickingARowSelectsItsProposalAndTheHeaderToggleSorting() throws Exception {
        int[] r = onFx(() -> {
            ExpertWeightsHeatmap h = make();
            click(h, 60, 18 + 2 * 20 + 5);   // third row in proposal order = p2
            int first = h.selectedProposalProperty().get();
            click(h, 34 + 97 + 10, 5);       // header of expert 1 -> sort by E1
            int sort = h.sortExpertProperty().get();
            click(h, 60, 18 + 0 * 20 + 5);   // first row sorted by E1 = p1
            int second = h.selectedProposalProperty().get();
            click(h, 34 + 97 + 10, 5);       // again -> back to proposal order
            return new int[] {first, sort, second, h.sortExpertProperty().get()};
        });
        assertEquals(2, r[0]);
        assertEquals(1, r[1]);
        assertEquals(1, r[2]);
        assertEquals(ExpertWeightsHeatmap.BY_PROPOSAL, r[3]);
    }

    @Test
    void viridisEndsAndMiddle() {
        assertEquals(0.267, Viridis.of(0).getRed(), 1e-3);
        assertEquals(0.906, Viridis.of(1).getGreen(), 1e-3);
        // 0.5 * 8 = anchor 4 exactly
        assertEquals(0.471, Viridis.of(0.5).getGreen(), 1e-3);
        // halfway between anchors 0 and 1 (v = 1/16): red (0.267 + 0.283) / 2 = 0.275
        assertEquals(0.275, Viridis.of(1.0 / 16).getRed(), 1e-3);
        assertEquals(Viridis.of(0), Viridis.of(-3));
    }

    @Test
    void aReferenceShowsTheDifferenceOnASymmetricDivergingScaleAndSortsByIt() throws Exception {
        // W - R by hand: {{+0.1, -0.1}, {-0.3, +0.3}, {0, 0}, {+0.2, -0.2}}; largest |difference| 0.3
        float[][] ref = {{0.5f, 0.5f}, {0.5f, 0.5f}, {0.9f, 0.1f}, {0.3f, 0.7f}};
        Object[] r = onFx(() -> {
            ExpertWeightsHeatmap h = make();
            h.referenceProperty().set(ref);
            double[][] shown = h.valuesProperty().get();
            double range = h.deltaRangeProperty().get();
            double lo = h.minProperty().get();
            double hi = h.maxProperty().get();
            javafx.scene.paint.Color zero = h.colorScaleProperty().get().apply(0.5);
            h.sortExpertProperty().set(0);
            int[] byE0 = h.rowOrder();
            h.referenceProperty().set(new float[][] {{1f}}); // another shape: the weights again
            return new Object[] {shown, range, lo, hi, zero, byE0, h.valuesProperty().get(), h.deltaRangeProperty().get(),
                    h.minProperty().get(), h.maxProperty().get()};
        });
        double[][] shown = (double[][]) r[0];
        double[][] want = {{0.1, -0.1}, {-0.3, 0.3}, {0, 0}, {0.2, -0.2}};
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(want[i], shown[i], 1e-6, "row " + i);
        }
        assertEquals(0.3, (double) r[1], 1e-6);
        assertEquals(-0.3, (double) r[2], 1e-6);
        assertEquals(0.3, (double) r[3], 1e-6);
        javafx.scene.paint.Color zero = (javafx.scene.paint.Color) r[4];
        assertEquals(0.969, zero.getRed(), 1e-3, "a zero difference is near-white");
        assertEquals(0.969, zero.getBlue(), 1e-3);
        // by the difference for expert 0, descending: p3 (+0.2), p0 (+0.1), p2 (0), p1 (-0.3)
        assertArrayEquals(new int[] {3, 0, 2, 1}, (int[]) r[5]);
        double[][] back = (double[][]) r[6];
        assertEquals(0.6, back[0][0], 1e-6);
        assertEquals(Double.NaN, (double) r[7]);
        assertEquals(0.0, (double) r[8]);
        assertEquals(1.0, (double) r[9]);
    }

    @Test
    void divergingEndsAreBlueAndRed() {
        javafx.scene.paint.Color neg = Diverging.of(0);
        javafx.scene.paint.Color pos = Diverging.of(1);
        assertEquals(0.380, neg.getBlue(), 1e-3);
        assertEquals(0.020, neg.getRed(), 1e-3);
        assertEquals(0.404, pos.getRed(), 1e-3);
        assertEquals(0.122, pos.getBlue(), 1e-3);
        // a quarter of the way: halfway between anchors 1 and 2, green (0.576 + 0.898) / 2 = 0.737
        assertEquals(0.737, Diverging.of(0.25).getGreen(), 1e-3);
        assertEquals(Diverging.of(0.5), Diverging.of(Double.NaN));
    }
}
