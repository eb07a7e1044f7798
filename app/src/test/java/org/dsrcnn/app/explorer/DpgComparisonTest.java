package org.dsrcnn.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link DpgComparison} on a case worked by hand. */
class DpgComparisonTest {

    // a: 100 x 100, b: 200 x 100; two proposals, two experts
    private static final DpgComparison.Pinned A = new DpgComparison.Pinned(Path.of("a.png"),
            new float[][] {{1, 0}, {0.5f, 0.5f}}, new float[][] {{0, 0, 10, 10}, {10, 10, 20, 20}}, 100, 100);
    private static final DpgComparison.Pinned B = new DpgComparison.Pinned(Path.of("b.png"),
            new float[][] {{0, 1}, {0.5f, 0.5f}}, new float[][] {{0, 0, 20, 20}, {10, 10, 20, 20}}, 200, 100);

    @Test
    void totalVariationTopExpertAndBoxShiftByHand() {
        DpgComparison c = DpgComparison.between(A, B);
        // TV: row 0 0.5 * (1 + 1) = 1, row 1 0: mean 0.5
        assertEquals(0.5, c.meanTv(), 1e-9);
        // row 0 changes its top expert (0 -> 1); row 1 ties in both (the first wins): 1 of 2
        assertEquals(0.5, c.topExpertChanged(), 1e-9);
        // |a/side - b/side| per coordinate: row 0 (0, 0, 0.1 - 0.1, 0.1 - 0.2), row 1 (0.1 - 0.05, 0, 0.2 - 0.1, 0)
        // = 0.25 over 8 coordinates = 0.03125, times the mean side (100 + 100 + 200 + 100) / 4 = 125
        assertEquals(3.90625, c.boxShiftPx(), 1e-9);
        assertEquals("vs a.png: mean TV 0.500 · top expert differs for 50\u00a0% · stage-0 boxes move 3.9\u00a0px",
                c.describe("a.png"));
    }

    @Test
    void anImageAgainstItselfIsZeroAndOtherShapesAreNotCompared() {
        DpgComparison same = DpgComparison.between(A, A);
        assertEquals(0, same.meanTv());
        assertEquals(0, same.topExpertChanged());
        assertEquals(0, same.boxShiftPx());
        DpgComparison.Pinned threeExperts = new DpgComparison.Pinned(null, new float[][] {{1, 0, 0}, {0, 1, 0}},
                new float[][] {{0, 0, 1, 1}, {0, 0, 1, 1}}, 10, 10);
        assertNull(DpgComparison.between(A, threeExperts));
        assertEquals("the pinned image", threeExperts.name());
    }
}
