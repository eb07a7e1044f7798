package org.dsrcnn.viewer.curves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expected values are TensorBoard's own test vectors for {@code classicSmoothing}
 * (tensorboard/webapp/widgets/line_chart_v2/data_transformer_test.ts), written out here as the
 * arithmetic its comments give, not computed with our code.
 */
class EmaSmoothingTest {
    private static final double EPS = 1e-12;

    @Test
    void decreasingSeriesAtWeight06() {
        double third = ((0.5 * 0.4 + 0.4 * 1 * 0.6) * 0.6 + 0) / (1 - Math.pow(0.6, 3));
        assertArrayEquals(new double[] {1, 0.6875, third}, EmaSmoothing.smooth(new double[] {1, 0.5, 0}, 0.6), EPS);
        assertEquals(0.336734693877551, third, 1e-12);
    }

    @Test
    void increasingSeriesAtWeight06() {
        double third = (1 * 0.4 + 0.5 * 0.4 * 0.6) / (1 - Math.pow(0.6, 3));
        assertArrayEquals(new double[] {0, 0.3125, third}, EmaSmoothing.smooth(new double[] {0, 0.5, 1}, 0.6), EPS);
    }

    @Test
    void weightZeroLeavesTheSeries() {
        assertArrayEquals(new double[] {1, 0.5, 0}, EmaSmoothing.smooth(new double[] {1, 0.5, 0}, 0), 0);
    }

    @Test
    void nonFinitePointsPassThroughAndDoNotAdvanceTheDebiasCount() {
        double[] in = {Double.NEGATIVE_INFINITY, 1, Double.NaN, Double.POSITIVE_INFINITY, 0.5};
        double[] out = EmaSmoothing.smooth(in, 0.6);
        assertEquals(Double.NEGATIVE_INFINITY, out[0]);
        assertEquals(1, out[1], EPS);
        assertEquals(Double.NaN, out[2]);
        assertEquals(Double.POSITIVE_INFINITY, out[3]);
        assertEquals(0.6875, out[4], EPS);
    }

    @Test
    void weightOneGivesZeros() {
        assertArrayEquals(new double[] {0, 0, 0}, EmaSmoothing.smooth(new double[] {1, 0.5, 0}, 1), 0);
    }

    @Test
    void constantSeriesIsReturnedWithoutFloatingPointNoise() {
        assertArrayEquals(new double[] {0.3, 0.3, 0.3}, EmaSmoothing.smooth(new double[] {0.3, 0.3, 0.3}, 0.1), 0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, -1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
    void invalidWeightsActAsZero(double weight) {
        assertArrayEquals(new double[] {1, 0.5}, EmaSmoothing.smooth(new double[] {1, 0.5}, weight), 0);
    }

    @Test
    void weightAboveOneActsAsOne() {
        assertArrayEquals(new double[] {0, 0}, EmaSmoothing.smooth(new double[] {1, 0.5}, 2), 0);
    }

    @Test
    void emptySeries() {
        assertEquals(0, EmaSmoothing.smooth(new double[0], 0.6).length);
    }
}
