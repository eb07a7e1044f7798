package org.dsrcnn.viewer.canvas;

import javafx.scene.canvas.GraphicsContext;

/** Box outlines in view px, for the layers. Boxes are xyxy in original-image px. */
public final class Strokes {

    private Strokes() {}

    /**
     * A box outline {@code px} view pixels wide as four pixel-aligned filled rectangles: the
     * software rasteriser fills aligned rectangles several times faster than it strokes paths.
     */
    public static void fillOutline(GraphicsContext gc, ViewTransform t, float[] b, int px) {
        double x1 = Math.round(t.toViewX(Math.min(b[0], b[2])));
        double y1 = Math.round(t.toViewY(Math.min(b[1], b[3])));
        double x2 = Math.round(t.toViewX(Math.max(b[0], b[2])));
        double y2 = Math.round(t.toViewY(Math.max(b[1], b[3])));
        double w = Math.max(px, x2 - x1);
        double h = Math.max(px, y2 - y1);
        gc.fillRect(x1, y1, w, px);
        gc.fillRect(x1, y1 + h - px, w, px);
        gc.fillRect(x1, y1 + px, px, h - 2 * px);
        gc.fillRect(x1 + w - px, y1 + px, px, h - 2 * px);
    }

    /** A stroked box with the context's current stroke settings. */
    public static void strokeBox(GraphicsContext gc, ViewTransform t, float[] b) {
        double x1 = t.toViewX(Math.min(b[0], b[2]));
        double y1 = t.toViewY(Math.min(b[1], b[3]));
        double x2 = t.toViewX(Math.max(b[0], b[2]));
        double y2 = t.toViewY(Math.max(b[1], b[3]));
        gc.strokeRect(x1, y1, x2 - x1, y2 - y1);
    }

    /** |w h| of an xyxy box. */
    public static double area(float[] b) {
        return Math.abs((b[2] - b[0]) * (b[3] - b[1]));
    }
}
