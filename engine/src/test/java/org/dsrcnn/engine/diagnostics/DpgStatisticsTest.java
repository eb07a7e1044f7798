package org.dsrcnn.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each statistic on cases whose value follows from its definition by hand. */
class DpgStatisticsTest {

    private static DpgStatistics.ImageMix mix(float[][] w) {
        return new DpgStatistics.ImageMix(w, null, 100, 100);
    }

    @Test
    void theSameOneHotMixOnEveryImageHasNoVariationAndNoEntropy() {
        float[][] w = {{1, 0, 0}, {0, 0, 1}};
        float[][] boxes = {{10, 10, 50, 50}, {0, 0, 20, 30}};
        // the second image is twice as large and its boxes scale with it: no spread
        float[][] scaled = {{20, 20, 100, 100}, {0, 0, 40, 60}};
        DpgStatistics s = DpgStatistics.of(List.of(
                new DpgStatistics.ImageMix(w, boxes, 100, 100), new DpgStatistics.ImageMix(w, scaled, 200, 200),
                new DpgStatistics.ImageMix(w, boxes, 100, 100)));
        assertEquals(0, s.entropy(), 1e-12);
        assertEquals(1, s.maxWeight(), 1e-12);
        assertEquals(0, s.pairwiseTv(), 1e-12);
        assertEquals(0, s.weightStd(), 1e-12);
        assertEquals(0, s.argmaxChange(), 1e-12);
        assertEquals(0, s.boxSpreadPx(), 1e-9);
        // image mix = column means of w: (0.5, 0, 0.5), the same on every image
        assertArrayEquals(new double[] {0.5, 0, 0.5}, s.imageMix(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, s.imageMixStd(), 1e-7);
    }

    @Test
    void uniformWeightsHaveTheLargestEntropy() {
        float q = 0.25f;
        DpgStatistics s = DpgStatistics.of(List.of(mix(new float[][] {{q, q, q, q}})));
        assertEquals(Math.log(4), s.entropy(), 1e-7);
        assertEquals(0.25, s.maxWeight(), 1e-7);
    }

    @Test
    void twoImagesPickingOppositeExpertsAreAsFarApartAsPossible() {
        DpgStatistics s = DpgStatistics.of(List.of(mix(new float[][] {{1, 0}}), mix(new float[][] {{0, 1}})));
        assertEquals(1, s.pairwiseTv(), 1e-12); // 0.5 * (|1-0| + |0-1|)
        assertEquals(0.5, s.weightStd(), 1e-12); // std of {1, 0} per expert
        assertEquals(0.5, s.argmaxChange(), 1e-12); // the modal argmax holds on 1 of 2 images
        assertArrayEquals(new double[] {0.5, 0.5}, s.imageMix(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5}, s.imageMixStd(), 1e-12);
    }

    @Test
    void pairwiseTvAveragesOverEveryPairOfImages() {
        // three images, one proposal: TV(a,b) = 0.2, TV(a,c) = 0.6, TV(b,c) = 0.4 -> mean 0.4
        float[][] a = {{0.8f, 0.2f}};
        float[][] b = {{0.6f, 0.4f}};
        float[][] c = {{0.2f, 0.8f}};
        DpgStatistics s = DpgStatistics.of(List.of(mix(a), mix(b), mix(c)));
        assertEquals(0.4, s.pairwiseTv(), 1e-6);
        // entropy: mean of H(0.8,0.2), H(0.6,0.4), H(0.2,0.8)
        double h82 = -(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2));
        double h64 = -(0.6 * Math.log(0.6) + 0.4 * Math.log(0.4));
        assertEquals((2 * h82 + h64) / 3, s.entropy(), 1e-6);
    }

    @Test
    void boxSpreadIsTheStdOfTheCoordinatesInPixels() {
        float[][] w = {{1, 0}};
        // x1 and x2 move by 10 px between two 100 px images: std 5 px on two of four coordinates
        DpgStatistics s = DpgStatistics.of(List.of(
                new DpgStatistics.ImageMix(w, new float[][] {{10, 10, 20, 20}}, 100, 100),
                new DpgStatistics.ImageMix(w, new float[][] {{20, 10, 30, 20}}, 100, 100)));
        assertEquals(2.5, s.boxSpreadPx(), 1e-5);
    }

    @Test
    void inconsistentShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DpgStatistics.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> DpgStatistics.of(List.of(
                mix(new float[][] {{1, 0}}), mix(new float[][] {{1, 0}, {0, 1}}))));
    }
}
