package org.dsrcnn.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ClassColorsTest {

    @Test
    void sameLabelSameColour() {
        assertEquals(ClassColors.of(5), ClassColors.of(5));
        assertEquals(0.4, ClassColors.of(3, 0.4).getOpacity(), 1e-6);
    }

    @Test
    void firstEightyLabelsAreAllDistinguishable() {
        // distinct enough: every pair differs by more than 0.08 in RGB (Euclidean)
        for (int a = 0; a < 80; a++) {
            for (int b = a + 1; b < 80; b++) {
                Color ca = ClassColors.of(a);
                Color cb = ClassColors.of(b);
                double d = Math.sqrt(Math.pow(ca.getRed() - cb.getRed(), 2)
                        + Math.pow(ca.getGreen() - cb.getGreen(), 2) + Math.pow(ca.getBlue() - cb.getBlue(), 2));
                assertTrue(d > 0.08, "labels " + a + " and " + b + " too close: " + d);
            }
        }
    }

    @Test
    void noClassIsGrey() {
        Color c = ClassColors.of(-1);
        assertEquals(c.getRed(), c.getGreen(), 1e-9);
        assertEquals(c.getGreen(), c.getBlue(), 1e-9);
    }
}
