package org.dsrcnn.engine.data.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Visible extents worked out by hand for pixel-aligned rectangles. */
class VisibilityTest {

    @Test
    void laterObjectsTakeThePixelsTheyCover() {
        Visibility v = new Visibility(100, 80);
        v.add(new Rectangle2D.Double(10, 10, 40, 40)); // A: columns 10..49, rows 10..49: 1600 px
        v.add(new Rectangle2D.Double(30, 10, 40, 40)); // B covers A's columns 30..49
        v.add(new Rectangle2D.Double(60, 20, 5, 5)); // C inside B's area, on top: 25 px
        v.add(new Rectangle2D.Double(12, 12, 4, 4)); // D on top of A
        v.add(new Rectangle2D.Double(0, 0, 1, 1)); // E
        v.add(new Rectangle2D.Double(-1, 0, 1, 1)); // F: outside the image entirely
        List<Visibility.Extent> e = v.extents();
        // A keeps columns 10..29 (20 x 40 = 800 px) minus D's 16: 784 of 1600
        assertEquals(new Visibility.Extent(10, 10, 20, 40, 784, 784 / 1600.0), e.get(0));
        // B: 1600 minus C's 25
        assertEquals(new Visibility.Extent(30, 10, 40, 40, 1575, 1575 / 1600.0), e.get(1));
        assertEquals(new Visibility.Extent(60, 20, 5, 5, 25, 1.0), e.get(2));
        assertEquals(new Visibility.Extent(12, 12, 4, 4, 16, 1.0), e.get(3));
        assertEquals(new Visibility.Extent(0, 0, 1, 1, 1, 1.0), e.get(4));
        assertNull(e.get(5));
    }

    @Test
    void partlyOutsideObjectsCountOnlyInImagePixels() {
        Visibility v = new Visibility(50, 50);
        v.add(new Rectangle2D.Double(40, 40, 20, 20)); // 10 x 10 inside
        Visibility.Extent e = v.extents().get(0);
        assertEquals(new Visibility.Extent(40, 40, 10, 10, 100, 1.0), e);
    }

    /** What is behind a ring shows through its hole: the ring does not own it. */
    @Test
    void ringsOwnNothingInTheirHole() {
        Visibility v = new Visibility(100, 100);
        v.add(new Rectangle2D.Double(45, 45, 10, 10)); // small square in the middle
        Area ring = new Area(new Ellipse2D.Double(10, 10, 80, 80));
        ring.subtract(new Area(new Ellipse2D.Double(30, 30, 40, 40)));
        v.add(ring);
        List<Visibility.Extent> e = v.extents();
        assertEquals(new Visibility.Extent(45, 45, 10, 10, 100, 1.0), e.get(0));
        assertEquals(10, e.get(1).x());
        assertEquals(80, e.get(1).w());
    }
}
