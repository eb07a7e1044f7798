package org.dsrcnn.viewer.canvas;

/**
 * The eight resize handles of a box and what dragging each does, in image pixels. Handle
 * indices, clockwise from the top-left corner: 0 top-left, 1 top, 2 top-right, 3 right,
 * 4 bottom-right, 5 bottom, 6 bottom-left, 7 left. Boxes are xyxy.
 */
public final class BoxHandles {

    /** Number of handles. */
    public static final int COUNT = 8;

    // which edges a handle moves: {moves x1, moves y1, moves x2, moves y2}
    private static final boolean[][] EDGES = {
        {true, true, false, false}, {false, true, false, false}, {false, true, true, false},
        {false, false, true, false}, {false, false, true, true}, {false, false, false, true},
        {true, false, false, true}, {true, false, false, false}};

    private BoxHandles() {}

    /** The centre (x, y) of handle {@code h} of box {@code b}. */
    public static double[] position(float[] b, int h) {
        double mx = (b[0] + b[2]) / 2.0;
        double my = (b[1] + b[3]) / 2.0;
        double x = EDGES[h][0] ? b[0] : EDGES[h][2] ? b[2] : mx;
        double y = EDGES[h][1] ? b[1] : EDGES[h][3] ? b[3] : my;
        return new double[] {x, y};
    }

    /**
     * The handle within {@code radius} (image px, Chebyshev distance) of (x, y), the nearest if
     * several, or -1.
     */
    public static int at(float[] b, double x, double y, double radius) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int h = 0; h < COUNT; h++) {
            double[] p = position(b, h);
            double d = Math.max(Math.abs(p[0] - x), Math.abs(p[1] - y));
            if (d <= radius && d < bestD) {
                bestD = d;
                best = h;
            }
        }
        return best;
    }

    /**
     * The box after dragging handle {@code h} of {@code start} by (dx, dy) image px: the edges the
     * handle holds move, the others stay; a box dragged past its opposite edge flips (the result is
     * normalised, x1 <= x2, y1 <= y2), then clamped to [0, width] x [0, height].
     */
    public static float[] resize(float[] start, int h, double dx, double dy, double width, double height) {
        double x1 = start[0] + (EDGES[h][0] ? dx : 0);
        double y1 = start[1] + (EDGES[h][1] ? dy : 0);
        double x2 = start[2] + (EDGES[h][2] ? dx : 0);
        double y2 = start[3] + (EDGES[h][3] ? dy : 0);
        return clamp(new float[] {(float) Math.min(x1, x2), (float) Math.min(y1, y2),
                (float) Math.max(x1, x2), (float) Math.max(y1, y2)}, width, height);
    }

    /** The box moved by (dx, dy), kept inside [0, width] x [0, height] without changing its size. */
    public static float[] move(float[] start, double dx, double dy, double width, double height) {
        double w = start[2] - start[0];
        double h = start[3] - start[1];
        double x1 = Math.max(0, Math.min(width - w, start[0] + dx));
        double y1 = Math.max(0, Math.min(height - h, start[1] + dy));
        return new float[] {(float) x1, (float) y1, (float) (x1 + w), (float) (y1 + h)};
    }

    /** The box spanned by two corners, normalised and clamped to the image. */
    public static float[] span(double ax, double ay, double bx, double by, double width, double height) {
        return clamp(new float[] {(float) Math.min(ax, bx), (float) Math.min(ay, by),
                (float) Math.max(ax, bx), (float) Math.max(ay, by)}, width, height);
    }

    /** Each coordinate clamped to [0, width] or [0, height]. */
    public static float[] clamp(float[] b, double width, double height) {
        return new float[] {
            (float) Math.max(0, Math.min(width, b[0])), (float) Math.max(0, Math.min(height, b[1])),
            (float) Math.max(0, Math.min(width, b[2])), (float) Math.max(0, Math.min(height, b[3]))};
    }

    /** The cursor shape for handle h (resize directions), as JavaFX cursor names. */
    public static javafx.scene.Cursor cursor(int h) {
        return switch (h) {
            case 0 -> javafx.scene.Cursor.NW_RESIZE;
            case 1 -> javafx.scene.Cursor.N_RESIZE;
            case 2 -> javafx.scene.Cursor.NE_RESIZE;
            case 3 -> javafx.scene.Cursor.E_RESIZE;
            case 4 -> javafx.scene.Cursor.SE_RESIZE;
            case 5 -> javafx.scene.Cursor.S_RESIZE;
            case 6 -> javafx.scene.Cursor.SW_RESIZE;
            case 7 -> javafx.scene.Cursor.W_RESIZE;
            default -> javafx.scene.Cursor.DEFAULT;
        };
    }
}
