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

    /** CIE L*a*b* of an sRGB colour (D65): the space in which a colour difference is what a person sees. */
    static double[] lab(Color c) {
        double[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    static double deltaE(Color a, Color b) {
        double[] p = lab(a), q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    /**
     * The complaint: with the 8 shape classes, arrow, triangle and cross (labels 2, 5, 7) were
     * all greens (hues 90, 155, 135). A qualitative palette gives the first 8 labels at most one
     * green and keeps every pair at least delta E 28 apart (CIE76).
     */
    @Test
    void fewClassesGetAQualitativePaletteAPersonCanTellApart() {
        int greens = 0;
        for (int a = 0; a < 8; a++) {
            Color c = ClassColors.of(a);
            greens += c.getHue() >= 75 && c.getHue() <= 165 && c.getSaturation() > 0.3 ? 1 : 0;
            for (int b = a + 1; b < 8; b++) {
                double d = deltaE(c, ClassColors.of(b));
                assertTrue(d > 28, "labels " + a + " and " + b + " differ by delta E " + d);
            }
        }
        assertTrue(greens <= 1, greens + " greens among the first 8 labels");
    }

    /** 80 COCO classes: every pair at least delta E 11 apart (a just noticeable difference is about 2.3). */
    @Test
    void eightyClassesStayApartInLab() {
        double min = Double.MAX_VALUE;
        for (int a = 0; a < 80; a++) {
            for (int b = a + 1; b < 80; b++) {
                min = Math.min(min, deltaE(ClassColors.of(a), ClassColors.of(b)));
            }
        }
        assertTrue(min > 11, "closest pair of the first 80: delta E " + min);
    }
}
