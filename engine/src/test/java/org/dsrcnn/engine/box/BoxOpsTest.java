package org.dsrcnn.engine.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxOpsTest {

    private static final double TOL = 1e-12;

    @Test
    void overlappingSquares() {
        float[] a = {0, 0, 2, 2};
        float[] b = {1, 1, 3, 3};
        // intersection 1x1 = 1; union 4 + 4 - 1 = 7; enclosing 3x3 = 9
        assertEquals(1.0, BoxOps.intersection(a, b), TOL);
        assertEquals(1.0 / 7, BoxOps.iou(a, b), TOL);
        assertEquals(1.0 / 7 - (9.0 - 7) / 9, BoxOps.giou(a, b), TOL);
        assertEquals(BoxOps.giou(a, b), BoxOps.giou(b, a), TOL);
    }

    @Test
    void disjointBoxesHaveNegativeGiou() {
        float[] a = {0, 0, 1, 1};
        float[] b = {2, 0, 3, 1};
        // IoU 0; union 2; enclosing 3x1 = 3: GIoU = 0 - (3 - 2) / 3
        assertEquals(0.0, BoxOps.iou(a, b), TOL);
        assertEquals(-1.0 / 3, BoxOps.giou(a, b), TOL);
        // far apart: GIoU tends to -1
        assertEquals(0 - (1001.0 * 1 - 2) / 1001.0, BoxOps.giou(a, new float[] {1000, 0, 1001, 1}), 1e-9);
    }

    @Test
    void containmentAndIdentity() {
        float[] outer = {0, 0, 4, 4};
        float[] inner = {1, 1, 2, 2};
        // inter 1, union 16, enclosing = outer = union: GIoU = IoU
        assertEquals(1.0 / 16, BoxOps.iou(outer, inner), TOL);
        assertEquals(1.0 / 16, BoxOps.giou(outer, inner), TOL);
        assertEquals(1.0, BoxOps.iou(outer, outer), TOL);
        assertEquals(1.0, BoxOps.giou(outer, outer), TOL);
    }

    @Test
    void degenerateBoxesAreZeroNotNaN() {
        float[] point = {1, 1, 1, 1};
        float[] line = {0, 0, 0, 2};
        float[] square = {0, 0, 2, 2};
        float[] inverted = {2, 2, 0, 0};
        assertEquals(0.0, BoxOps.area(point), TOL);
        assertEquals(0.0, BoxOps.area(inverted), TOL);
        assertEquals(0.0, BoxOps.iou(point, point), TOL);
        assertEquals(0.0, BoxOps.giou(point, point), TOL);
        // line inside the square's edge: inter 0, union 4, enclosing 4 -> GIoU 0
        assertEquals(0.0, BoxOps.iou(line, square), TOL);
        assertEquals(0.0, BoxOps.giou(line, square), TOL);
        // an inverted box counts as empty: inter 0, union 4, enclosing [0,0,2,2] = 4
        assertEquals(0.0, BoxOps.iou(inverted, square), TOL);
        assertFalse(BoxOps.isValid(inverted));
        assertTrue(BoxOps.isValid(point));
    }

    @Test
    void nanPropagatesInsteadOfLookingPlausible() {
        float[] bad = {0, Float.NaN, 2, 2};
        float[] ok = {0, 0, 2, 2};
        assertTrue(Double.isNaN(BoxOps.iou(bad, ok)));
        assertTrue(Double.isNaN(BoxOps.giou(ok, bad)));
        assertFalse(BoxOps.isValid(bad));
        assertFalse(BoxOps.isValid(new float[] {0, 0, Float.POSITIVE_INFINITY, 1}));
    }

    @Test
    void conversionsAndNormalisation() {
        float[] xyxy = {10, 20, 50, 100};
        // centre (30, 60), size 40 x 80
        assertArrayEquals(new float[] {30, 60, 40, 80}, BoxOps.xyxyToCxcywh(xyxy), 0f);
        assertArrayEquals(xyxy, BoxOps.cxcywhToXyxy(BoxOps.xyxyToCxcywh(xyxy)), 0f);
        // whole-image proposal (0.5, 0.5, 1, 1) on a 640 x 480 image is [0, 0, 640, 480]
        assertArrayEquals(new float[] {0, 0, 640, 480},
                BoxOps.denormalize(BoxOps.cxcywhToXyxy(new float[] {0.5f, 0.5f, 1, 1}), 640, 480), 0f);
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.5f, 1f}, BoxOps.normalize(new float[] {160, 240, 320, 480}, 640, 480), 0f);
    }

    @Test
    void pairwiseMatchesSingleCalls() {
        float[][] a = {{0, 0, 2, 2}, {5, 5, 6, 7}};
        float[][] b = {{1, 1, 3, 3}, {0, 0, 2, 2}, {5, 6, 6, 7}};
        double[][] m = BoxOps.pairwiseIou(a, b);
        assertEquals(2, m.length);
        assertEquals(3, m[0].length);
        assertEquals(1.0 / 7, m[0][0], TOL);
        assertEquals(1.0, m[0][1], TOL);
        // [5,6,6,7] lies inside [5,5,6,7]: 1 / 2
        assertEquals(0.5, m[1][2], TOL);
    }
}
