package org.dsrcnn.engine.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SuppliesTest {

    private static final double[] TEN = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};

    @Test
    void dynamicKWithUnitIncreasing() {
        // top 8 of TEN: 0.9+0.8+0.7+0.6+0.5+0.4+0.3+0.2 = 4.4 -> k = 4
        // second GT: 0.3 + 0.2 = 0.5 -> k = max(1, 0) = 1
        double[][] iou = {TEN, {0.3, 0.2, 0, 0, 0, 0, 0, 0, 0, 0}};
        Supplies s6 = Supplies.compute(iou, 100, 0, 8, true, 0.5, 6, 6, 0.8);
        assertEquals(4.4, s6.topIouSum()[0], 1e-12);
        assertArrayEquals(new double[] {4, 1}, s6.k());
        assertArrayEquals(new double[] {4, 1}, s6.kStar()); // stage T: k* = k
        Supplies s1 = Supplies.compute(iou, 100, 0, 8, true, 0.5, 1, 6, 0.8);
        assertArrayEquals(new double[] {1.5, 1}, s1.kStar(), 1e-12); // 4 - 0.5 * 5 = 1.5; max(1, 1 - 2.5)
        Supplies s3 = Supplies.compute(iou, 100, 0, 8, true, 0.5, 3, 6, 0.8);
        assertArrayEquals(new double[] {2.5, 1}, s3.kStar(), 1e-12); // 4 - 0.5 * 3
        assertEquals(100 - 3.5, s3.background(), 1e-12);
        assertEquals(1.0, s3.capScale());
        Supplies off = Supplies.compute(iou, 100, 0, 8, false, 0.5, 1, 6, 0.8);
        assertArrayEquals(new double[] {4, 1}, off.kStar());
    }

    @Test
    void capScalesEverySupplyByOneFactor() {
        // N = 10, cap 0.8 -> at most 8 units; three GT with fixed k = 4 ask for 12
        double[][] iou = new double[3][10];
        Supplies s = Supplies.compute(iou, 10, 4, 8, false, 0.5, 6, 6, 0.8);
        assertEquals(8.0 / 12, s.capScale(), 1e-12);
        assertArrayEquals(new double[] {8.0 / 3, 8.0 / 3, 8.0 / 3}, s.kStar(), 1e-12);
        assertArrayEquals(new double[] {4, 4, 4}, s.kUnit());
        assertEquals(2.0, s.background(), 1e-12);
        assertEquals(Double.NaN, s.topIouSum()[0]);
    }

    @Test
    void floorToleratesRoundingAndShortRows() {
        // 0.5 + 0.5 + 0.5 + 0.499999999999 is 2 - 1e-12 in real arithmetic: counts as 2, not 1
        double[][] iou = {{0.5, 0.5, 0.5, 0.499999999999}};
        assertEquals(2.0, Supplies.compute(iou, 4, 0, 8, false, 0.5, 1, 1, 1.0).k()[0]);
        // fewer predictions than q: all of them are summed
        assertEquals(1.5, Supplies.topSum(new double[] {1.0, 0.5}, 8), 1e-12);
        assertEquals(0.9 + 0.8 + 0.7, Supplies.topSum(TEN, 3), 1e-12);
    }
}
