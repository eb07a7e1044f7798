package org.dsrcnn.viewer.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Handle positions, hit-testing and the box each drag gives, computed by hand. */
class BoxHandlesTest {

    private static final float[] B = {10, 20, 50, 80};

    @Test
    void handlesSitOnCornersAndEdgeMidpointsClockwise() {
        double[][] want = {{10, 20}, {30, 20}, {50, 20}, {50, 50}, {50, 80}, {30, 80}, {10, 80}, {10, 50}};
        for (int h = 0; h < BoxHandles.COUNT; h++) {
            assertArrayEquals(want[h], BoxHandles.position(B, h), 1e-9, "handle " + h);
        }
        assertEquals(4, BoxHandles.at(B, 51, 79, 3));
        assertEquals(7, BoxHandles.at(B, 12, 52, 3));
        assertEquals(-1, BoxHandles.at(B, 30, 50, 3));
    }

    @Test
    void resizeMovesOnlyTheEdgesItsHandleHolds() {
        assertArrayEquals(new float[] {10, 20, 60, 90}, BoxHandles.resize(B, 4, 10, 10, 100, 100));
        assertArrayEquals(new float[] {10, 15, 50, 80}, BoxHandles.resize(B, 1, 99, -5, 100, 100));
        // the left edge dragged past the right one flips: x from 50 to 70
        assertArrayEquals(new float[] {50, 20, 70, 80}, BoxHandles.resize(B, 7, 60, 0, 100, 100));
        // clamped to the image
        assertArrayEquals(new float[] {0, 0, 50, 80}, BoxHandles.resize(B, 0, -40, -40, 100, 100));
    }

    @Test
    void moveKeepsTheSizeAndStaysInside() {
        assertArrayEquals(new float[] {15, 25, 55, 85}, BoxHandles.move(B, 5, 5, 100, 100));
        assertArrayEquals(new float[] {60, 0, 100, 60}, BoxHandles.move(B, 70, -50, 100, 100));
        assertArrayEquals(new float[] {5, 5, 20, 30}, BoxHandles.span(20, 30, 5, 5, 100, 100));
    }
}
