package org.dsrcnn.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResizeShortestEdgeTest {

    @Test
    void shorterSideBecomesTheTarget() {
        // 640x480 -> short side 800: scale 5/3, width 1066.67 -> 1067
        assertArrayEquals(new int[] {1067, 800}, ResizeShortestEdge.outputSize(640, 480, 800, 1333));
        // portrait 480x640 -> 800x1067
        assertArrayEquals(new int[] {800, 1067}, ResizeShortestEdge.outputSize(480, 640, 800, 1333));
        assertArrayEquals(new int[] {224, 224}, ResizeShortestEdge.outputSize(256, 256, 224, 384));
    }

    @Test
    void longerSideIsCapped() {
        // 1000x200 at 800: 4000x800 exceeds 1333 -> scale 1333/4000: 1333 x 266.6 -> 267
        assertArrayEquals(new int[] {1333, 267}, ResizeShortestEdge.outputSize(1000, 200, 800, 1333));
        // 512x256 at 288 with max 384: 576x288 -> x 384/576: 384 x 192
        assertArrayEquals(new int[] {384, 192}, ResizeShortestEdge.outputSize(512, 256, 288, 384));
    }

    @Test
    void badSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ResizeShortestEdge.outputSize(0, 10, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> ResizeShortestEdge.outputSize(10, 10, 0, 5));
    }
}
