package org.dsrcnn.viewer.charts;

import static org.dsrcnn.viewer.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Geometry, display order, colours of marked cells and clicks, on a 3 x 4 matrix. */
class MatrixHeatmapTest {

    // left margin 34, header 18, right 6: width 34 + 4*40 + 6 = 200, height 18 + 3*20 = 78
    private static MatrixHeatmap make() {
        MatrixHeatmap h = new MatrixHeatmap("none");
        h.resize(200, 78);
        h.valuesProperty().set(new double[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}});
        return h;
    }

    private static void click(MatrixHeatmap h, double x, double y) {
        h.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, x, y, x, y, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, false, false, true, null));
    }

    private static void assertNear(Color want, Color got, String what) {
        double d = Math.max(Math.abs(want.getRed() - got.getRed()),
                Math.max(Math.abs(want.getGreen() - got.getGreen()), Math.abs(want.getBlue() - got.getBlue())));
        org.junit.jupiter.api.Assertions.assertTrue(d <= 1.5 / 255, what + ": " + want + " vs " + got);
    }

    @Test
    void displayOrderMapsPositionsToDataIndices() throws Exception {
        int[] r = onFx(() -> {
            MatrixHeatmap h = make();
            h.columnOrderProperty().set(new int[] {3, 2, 1, 0});
            h.rowOrderProperty().set(new int[] {2, 0, 1});
            return new int[] {h.columnAt(34 + 5), h.columnAt(34 + 3 * 40 + 5), h.rowAt(18 + 5), h.rowAt(18 + 45),
                    h.columnAt(10), h.rowAt(5), (int) h.columnBounds(0)[0], (int) h.rowBounds(1)[0]};
        });
        assertArrayEquals(new int[] {3, 0, 2, 1, -1, -1, 34 + 3 * 40, 18 + 2 * 20}, r);
    }

    @Test
    void clicksReportDataRowAndColumnAndHeaders() throws Exception {
        int[][] got = onFx(() -> {
            MatrixHeatmap h = make();
            int[][] last = new int[1][];
            h.setOnCellClicked((row, col, e) -> last[0] = new int[] {row, col});
            click(h, 34 + 40 + 5, 18 + 20 + 5);
            int[] cell = last[0];
            click(h, 34 + 2 * 40 + 5, 5);
            int[] header = last[0];
            return new int[][] {cell, header};
        });
        assertArrayEquals(new int[] {1, 1}, got[0]);
        assertArrayEquals(new int[] {-1, 2}, got[1]);
    }

    @Test
    void valuesMapToTheScaleBetweenMinAndMaxAndMarksAreOutlined() throws Exception {
        Color[] px = onFx(() -> {
            MatrixHeatmap h = make();
            h.marksProperty().set(new boolean[][] {{false, false, false, false}, {false, true, false, false},
                {false, false, false, false}});
            h.layout(); // sizes the canvas and draws
            var img = h.canvas.snapshot(null, null);
            Color brightest = Color.BLACK;
            for (int x = 34 + 40 - 1; x <= 34 + 40 + 2; x++) { // the outline's left edge, antialiased
                Color c = img.getPixelReader().getColor(x, 18 + 20 + 10);
                brightest = c.getBrightness() > brightest.getBrightness() ? c : brightest;
            }
            return new Color[] {img.getPixelReader().getColor(34 + 20, 18 + 10),
                img.getPixelReader().getColor(34 + 3 * 40 + 20, 18 + 2 * 20 + 10), brightest};
        });
        // within one 8-bit step of the exact colour (the snapshot rounds)
        assertNear(Viridis.of(0), px[0], "smallest value = scale 0");
        assertNear(Viridis.of(1), px[1], "largest value = scale 1");
        assertEquals(1.0, px[2].getBrightness(), 0.05, "the marked cell's outline is white: " + px[2]);
        assertEquals(0.0, px[2].getSaturation(), 0.1, "the marked cell's outline is white: " + px[2]);
        assertNull(onFx(() -> make().hoveredCellProperty().get()));
    }
}
