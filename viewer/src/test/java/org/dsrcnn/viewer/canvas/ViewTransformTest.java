package org.dsrcnn.viewer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewTransformTest {

    @Test
    void fitCentresTheTighterAxis() {
        ViewTransform t = new ViewTransform();
        // 200x100 image into a 400x400 view, no margin: width binds, scale = 400/200 = 2,
        // the image is 200 px tall on screen, so it sits (400 - 200) / 2 = 100 px down.
        t.fit(200, 100, 400, 400, 0);
        assertEquals(2.0, t.scale(), 1e-12);
        assertEquals(0.0, t.offsetX(), 1e-12);
        assertEquals(100.0, t.offsetY(), 1e-12);
        // with a 10 px margin: scale = 380/200 = 1.9, image 380x190, offsets (10, 105)
        t.fit(200, 100, 400, 400, 10);
        assertEquals(1.9, t.scale(), 1e-12);
        assertEquals(10.0, t.offsetX(), 1e-12);
        assertEquals(105.0, t.offsetY(), 1e-12);
    }

    @Test
    void mappingsAreInverse() {
        ViewTransform t = new ViewTransform();
        t.set(2.5, 30, -7);
        assertEquals(2.5 * 12 + 30, t.toViewX(12), 1e-12);
        assertEquals(2.5 * 40 - 7, t.toViewY(40), 1e-12);
        assertEquals(12, t.toImageX(t.toViewX(12)), 1e-12);
        assertEquals(40, t.toImageY(t.toViewY(40)), 1e-12);
    }

    @Test
    void zoomAtKeepsThePointUnderTheCursor() {
        ViewTransform t = new ViewTransform();
        t.set(1.0, 0, 0);
        // cursor at view (100, 50) = image (100, 50); zoom x2 -> that image point stays at (100, 50):
        // offset = 100 - 100 * 2 = -100, 50 - 50 * 2 = -50
        t.zoomAt(2.0, 100, 50);
        assertEquals(2.0, t.scale(), 1e-12);
        assertEquals(-100.0, t.offsetX(), 1e-12);
        assertEquals(-50.0, t.offsetY(), 1e-12);
        assertEquals(100.0, t.toImageX(100), 1e-12);
        assertEquals(50.0, t.toImageY(50), 1e-12);
    }

    @Test
    void zoomIsClampedAndPanMoves() {
        ViewTransform t = new ViewTransform();
        t.zoomAt(1e9, 0, 0);
        assertEquals(ViewTransform.MAX_SCALE, t.scale(), 1e-12);
        t.zoomAt(1e-12, 0, 0);
        assertEquals(ViewTransform.MIN_SCALE, t.scale(), 1e-12);
        t.set(1, 5, 6);
        t.pan(-3, 4);
        assertEquals(2.0, t.offsetX(), 1e-12);
        assertEquals(10.0, t.offsetY(), 1e-12);
    }
}
