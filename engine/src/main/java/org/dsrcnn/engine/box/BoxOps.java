package org.dsrcnn.engine.box;

/**
 * Box arithmetic on plain arrays (one box = {@code float[4]}), in double precision internally.
 *
 * <p>Degenerate boxes, deliberately:
 *
 * <ul>
 *   <li>A box with {@code x2 < x1} or {@code y2 < y1} has area 0 (its side lengths are clamped at 0);
 *       callers that must reject such boxes check {@link #isValid} first.
 *   <li>IoU with an empty union (two zero-area boxes) is 0, never NaN; GIoU with an empty enclosing
 *       box (two identical points) equals that IoU, i.e. 0.
 *   <li>Any NaN coordinate gives a NaN result, so a corrupt box never looks like a plausible overlap;
 *       finite input never produces NaN.
 * </ul>
 */
public final class BoxOps {

    private BoxOps() {}

    /** True when all four coordinates are finite and {@code x2 >= x1, y2 >= y1}; box is xyxy. */
    public static boolean isValid(float[] box) {
        return box.length == 4
                && Float.isFinite(box[0]) && Float.isFinite(box[1])
                && Float.isFinite(box[2]) && Float.isFinite(box[3])
                && box[2] >= box[0] && box[3] >= box[1];
    }

    /** Area of an xyxy box; sides below zero count as zero; NaN if a coordinate is NaN. */
    public static double area(float[] box) {
        return side(box[0], box[2]) * side(box[1], box[3]);
    }

    /** Intersection over union of two xyxy boxes (same pixel frame). See the class notes. */
    public static double iou(float[] a, float[] b) {
        double areaA = area(a);
        double areaB = area(b);
        double inter = intersection(a, b);
        double union = areaA + areaB - inter;
        if (Double.isNaN(union)) {
            return Double.NaN;
        }
        return union > 0 ? inter / union : 0.0;
    }

    /**
     * Generalised IoU (Rezatofighi et al. 2019) of two xyxy boxes: IoU minus the fraction of the
     * smallest enclosing box not covered by the union. In [-1, 1]. See the class notes.
     */
    public static double giou(float[] a, float[] b) {
        double areaA = area(a);
        double areaB = area(b);
        double inter = intersection(a, b);
        double union = areaA + areaB - inter;
        if (Double.isNaN(union)) {
            return Double.NaN;
        }
        double iou = union > 0 ? inter / union : 0.0;
        double enclosing =
                side(Math.min(a[0], b[0]), Math.max(a[2], b[2]))
                        * side(Math.min(a[1], b[1]), Math.max(a[3], b[3]));
        return enclosing > 0 ? iou - (enclosing - union) / enclosing : iou;
    }

    /** Area of the overlap of two xyxy boxes (0 when disjoint). */
    public static double intersection(float[] a, float[] b) {
        double w = side(Math.max(a[0], b[0]), Math.min(a[2], b[2]));
        double h = side(Math.max(a[1], b[1]), Math.min(a[3], b[3]));
        return w * h;
    }

    /** (M, N) IoU matrix between xyxy boxes a (M,4) and b (N,4). */
    public static double[][] pairwiseIou(float[][] a, float[][] b) {
        double[][] out = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i][j] = iou(a[i], b[j]);
            }
        }
        return out;
    }

    /** (cx, cy, w, h) to (x1, y1, x2, y2), in whatever units the input uses. */
    public static float[] cxcywhToXyxy(float[] b) {
        return new float[] {
            b[0] - 0.5f * b[2], b[1] - 0.5f * b[3], b[0] + 0.5f * b[2], b[1] + 0.5f * b[3]
        };
    }

    /** (x1, y1, x2, y2) to (cx, cy, w, h); an inverted box gets a negative width or height. */
    public static float[] xyxyToCxcywh(float[] b) {
        return new float[] {(b[0] + b[2]) / 2f, (b[1] + b[3]) / 2f, b[2] - b[0], b[3] - b[1]};
    }

    /** A box (either format) divided by (w, h, w, h): pixels of a w x h image to [0, 1] units. */
    public static float[] normalize(float[] box, float width, float height) {
        return new float[] {box[0] / width, box[1] / height, box[2] / width, box[3] / height};
    }

    /** Inverse of {@link #normalize}: [0, 1] units to pixels of a w x h image. */
    public static float[] denormalize(float[] box, float width, float height) {
        return new float[] {box[0] * width, box[1] * height, box[2] * width, box[3] * height};
    }

    /** Length of [lo, hi], 0 when hi < lo; NaN when either is NaN. */
    private static double side(double lo, double hi) {
        double d = hi - lo;
        return d > 0 ? d : (Double.isNaN(d) ? Double.NaN : 0.0);
    }
}
