package org.dsrcnn.viewer.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimationTest {

    @Test
    void shortCurvesAreKeptWhole() {
        double[] x = {1, 2, 3};
        double[] y = {5, Double.NaN, 7};
        Decimation.Points p = Decimation.reduce(x, y, 3, 10);
        assertEquals(2, p.size());
        assertEquals(3, p.x()[1]);
    }

    /** Against brute force: every bucket's min, max, first and last point survive, nothing else is invented. */
    @Test
    void keepsEachBucketsExtremesAndEnds() {
        Random random = new Random(3);
        int n = 100_000;
        int buckets = 500;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = random.nextGaussian() + (i == 54_321 ? 100 : 0);
        }
        y[777] = Double.NaN;
        Decimation.Points p = Decimation.reduce(x, y, n, buckets);
        assertTrue(p.size() <= 4 * buckets);
        java.util.Set<Double> kept = new java.util.HashSet<>();
        for (int i = 0; i < p.size(); i++) {
            kept.add(p.x()[i]);
            assertEquals(y[(int) p.x()[i] - 1], p.y()[i], 0, "kept points are real points");
            if (i > 0) {
                assertTrue(p.x()[i] > p.x()[i - 1], "x order");
            }
        }
        for (int b = 0; b < buckets; b++) {
            int from = n * b / buckets;
            int to = n * (b + 1) / buckets;
            int min = -1;
            int max = -1;
            int first = -1;
            int last = -1;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(y[i])) {
                    continue;
                }
                if (first < 0) {
                    first = i;
                }
                last = i;
                if (min < 0 || y[i] < y[min]) {
                    min = i;
                }
                if (max < 0 || y[i] > y[max]) {
                    max = i;
                }
            }
            for (int i : new int[] {min, max, first, last}) {
                assertTrue(kept.contains(x[i]), "bucket " + b + " keeps point " + i);
            }
        }
        assertTrue(kept.contains(54_322.0), "the spike survives");
    }
}
