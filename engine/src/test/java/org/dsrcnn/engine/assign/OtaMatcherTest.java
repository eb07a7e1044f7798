package org.dsrcnn.engine.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OtaMatcherTest {

    private static OtaMatcher ota(String k, boolean unit, double eps, int iters) {
        return new OtaMatcher(TestProblems.ota(k, unit, eps, iters), TestProblems.paperLoss());
    }

    @Test
    void withKOneAndSmallEpsTheMatchIsHungarian() {
        HungarianMatcher hungarian = new HungarianMatcher(TestProblems.paperLoss());
        // Sinkhorn needs many iterations to converge at a small eps (at 200 the plan of a GT with two
        // near-equal candidates is still split 0.5 / 0.5); 3000 reach a marginal error < 1e-3
        OtaMatcher ota = ota("1", false, 0.01, 3000);
        Random r = new Random(1);
        for (int trial = 0; trial < 30; trial++) {
            int m = 1 + r.nextInt(8);
            // two candidates per GT (the second slightly less confident), plus clutter
            MatchProblem p = TestProblems.separated(r, m, 2, 40, 6, 4f, 6, 6);
            Assignment h = hungarian.match(p);
            Assignment o = ota.match(p);
            assertArrayEquals(h.gtOfPrediction(), o.gtOfPrediction(), "trial " + trial);
            assertEquals(m, o.positives());
            assertTrue(o.marginalError() < 1e-3, "error " + o.marginalError());
        }
    }

    @Test
    void planRowsMatchSuppliesAfterConvergence() {
        Random r = new Random(4);
        MatchProblem p = TestProblems.separated(r, 6, 4, 60, 5, 8f, 4, 6);
        Assignment a = ota("dynamic", true, 0.1, 3000).match(p);
        double[] kStar = a.supplies().kStar();
        for (int i = 0; i <= 6; i++) {
            double row = 0;
            for (double v : a.plan()[i]) {
                row += v;
            }
            double supply = i < 6 ? kStar[i] : a.supplies().background();
            assertEquals(supply, row, 1e-3, "row " + i);
        }
        for (int j = 0; j < 60; j++) {
            double col = 0;
            for (int i = 0; i <= 6; i++) {
                col += a.plan()[i][j];
            }
            assertEquals(1.0, col, 1e-3, "column " + j);
        }
        assertTrue(a.marginalError() < 1e-3);
        assertEquals(3000, a.sinkhornIterations());
    }

    @Test
    void capKeepsAtLeastTwentyPercentBackground() {
        Random r = new Random(6);
        // 6 GT with 3 near-copies each = 18 of 20 predictions are good; fixed k = 4 asks for 24 > 16
        MatchProblem p = TestProblems.separated(r, 6, 3, 20, 4, 2f, 6, 6);
        Assignment a = ota("4", false, 0.1, 50).match(p);
        assertTrue(a.supplies().capScale() < 1);
        assertEquals(16.0, sum(a.supplies().kStar()), 1e-9);
        assertTrue(a.background() >= 4, "background " + a.background());
        assertTrue(a.capDemoted() > 0, "the argmax alone would break the cap here");
        // and in general, on random crowded scenes with dynamic k
        for (int t = 0; t < 20; t++) {
            MatchProblem q = TestProblems.separated(r, 8, 4, 30, 4, 3f, 6, 6);
            Assignment b = ota("dynamic", false, 0.1, 50).match(q);
            assertTrue(b.background() >= 0.2 * 30, "background " + b.background());
        }
    }

    @Test
    void unitIncreasingGivesEarlyStagesFewerPositives() {
        Random r = new Random(7);
        for (int t = 0; t < 10; t++) {
            // 5 GT, each with 5 good candidates: dynamic k around 4
            MatchProblem stage1 = TestProblems.separated(r, 5, 5, 100, 4, 3f, 1, 6);
            MatchProblem stage6 = new MatchProblem(stage1.logits(), stage1.boxes(), stage1.gtBoxes(),
                    stage1.gtLabels(), 400, 400, 6, 6);
            OtaMatcher ota = ota("dynamic", true, 0.1, 50);
            Assignment a1 = ota.match(stage1);
            Assignment a6 = ota.match(stage6);
            assertTrue(a1.positives() < a6.positives(), a1.positives() + " vs " + a6.positives());
            for (int i = 0; i < 5; i++) {
                assertEquals(Math.max(1, a6.gts().get(i).k() - 2.5), a1.gts().get(i).kStar(), 1e-12);
            }
        }
    }

    @Test
    void manyToOneWithFixedK() {
        Random r = new Random(3);
        MatchProblem p = TestProblems.separated(r, 3, 3, 30, 4, 2f, 6, 6);
        Assignment a = ota("3", false, 0.1, 50).match(p);
        // predictions 3i..3i+2 are the copies of GT i
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new int[] {3 * i, 3 * i + 1, 3 * i + 2}, a.gts().get(i).positives());
            assertEquals(3, a.gts().get(i).costs().length);
            assertEquals(a.costs().total()[i][3 * i + 1], a.gts().get(i).costs()[1]);
        }
        assertEquals(9, a.positives());
        assertEquals(9, a.pairs().length);
    }

    @Test
    void noGtMeansAllBackground() {
        Random r = new Random(2);
        MatchProblem full = TestProblems.random(r, 25, 3, 4, 2, 6);
        MatchProblem empty = new MatchProblem(full.logits(), full.boxes(), new float[0][], new int[0],
                800, 600, 2, 6);
        Assignment a = ota("dynamic", true, 0.1, 50).match(empty);
        assertEquals(25, a.background());
        assertEquals(0, a.positives());
        assertEquals(0, a.pairs().length);
        assertEquals(0.0, a.totalCost());
        assertNotNull(a.plan());
        assertEquals(1, a.plan().length);
        Assignment h = new HungarianMatcher(TestProblems.paperLoss()).match(empty);
        assertEquals(25, h.background());
    }

    @Test
    void sinkhornRunsTheConfiguredIterations() {
        Random r = new Random(12);
        MatchProblem p = TestProblems.random(r, 50, 6, 5, 3, 6);
        assertEquals(50, ota("dynamic", true, 0.1, 50).match(p).sinkhornIterations());
        assertEquals(3, ota("dynamic", true, 0.1, 3).match(p).sinkhornIterations());
    }

    @Test
    void invalidSettingsFailWithOneLine() {
        assertThrows(IllegalArgumentException.class, () -> ota("zero", true, 0.1, 50));
        assertThrows(IllegalArgumentException.class, () -> ota("0", true, 0.1, 50));
        assertThrows(IllegalArgumentException.class, () -> ota("dynamic", true, 0, 50));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ota("dynamic", true, 0.1, 0));
        assertEquals("sinkhorn iterations must be >= 1, got 0", e.getMessage());
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
