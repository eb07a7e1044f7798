package org.dsrcnn.viewer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dsrcnn.engine.trace.Detection;
import org.junit.jupiter.api.Test;

class BoxPickerTest {

    private static final float[][] BOXES = {
        {0, 0, 100, 100},   // 0: large, area 10000
        {10, 10, 30, 30},   // 1: small inside 0, area 400
        {20, 20, 60, 60},   // 2: medium overlapping 1, area 1600
        {70, 5, 50, 25},    // 3: given with x1 > x2 (normalised by the picker)
    };

    @Test
    void smallestContainingBoxWins() {
        assertEquals(1, BoxPicker.pick(BOXES, 25, 25, 0));  // inside 0, 1 and 2 -> 1
        assertEquals(2, BoxPicker.pick(BOXES, 40, 40, 0));  // inside 0 and 2 -> 2
        assertEquals(0, BoxPicker.pick(BOXES, 90, 90, 0));
        assertEquals(3, BoxPicker.pick(BOXES, 60, 10, 0));  // inside 0 and 3 (area 400 < 10000)
        assertEquals(-1, BoxPicker.pick(BOXES, 150, 10, 0));
    }

    @Test
    void toleranceReachesJustOutside() {
        assertEquals(-1, BoxPicker.pick(BOXES, 102, 50, 1));
        assertEquals(0, BoxPicker.pick(BOXES, 102, 50, 2.5));
    }

    @Test
    void detectionsReturnTheirProposal() {
        List<Detection> dets = List.of(
                new Detection(17, 0, 0.9f, new float[] {0, 0, 50, 50}),
                new Detection(42, 1, 0.8f, new float[] {5, 5, 15, 15}));
        assertEquals(42, BoxPicker.pickDetection(dets, 10, 10, 0));
        assertEquals(17, BoxPicker.pickDetection(dets, 40, 40, 0));
        assertEquals(-1, BoxPicker.pickDetection(dets, 80, 80, 0));
    }
}
