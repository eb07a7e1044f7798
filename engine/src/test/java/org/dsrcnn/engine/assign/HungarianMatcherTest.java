package org.dsrcnn.engine.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianMatcherTest {

    @Test
    void oneToOneAtMinimumCost() {
        Random r = new Random(21);
        HungarianMatcher matcher = new HungarianMatcher(TestProblems.paperLoss());
        for (int t = 0; t < 20; t++) {
            MatchProblem p = TestProblems.random(r, 7, 1 + r.nextInt(6), 3, 1, 6);
            Assignment a = matcher.match(p);
            assertEquals(p.numGt(), a.positives());
            assertEquals(HungarianTest.bruteForce(a.costs().total()), a.totalCost(), 1e-9);
            for (GtMatch g : a.gts()) {
                assertEquals(1, g.positives().length);
                assertEquals(1.0, g.kStar());
            }
            assertNull(a.plan());
        }
    }

    @Test
    void moreGtThanPredictions() {
        Random r = new Random(22);
        MatchProblem p = TestProblems.random(r, 3, 5, 3, 1, 6);
        Assignment a = new HungarianMatcher(TestProblems.paperLoss()).match(p);
        assertEquals(3, a.positives());
        assertEquals(0, a.background());
        assertEquals(HungarianTest.bruteForce(a.costs().total()), a.totalCost(), 1e-9);
    }

    @Test
    void handPickedScene() {
        // GT 0 sits on prediction 1, GT 1 on prediction 0; prediction 2 is elsewhere
        float[][] logits = {{0, 3}, {3, 0}, {0, 0}};
        float[][] boxes = {{50, 50, 60, 60}, {0, 0, 10, 10}, {80, 0, 90, 10}};
        MatchProblem p = new MatchProblem(logits, boxes, new float[][] {{0, 0, 10, 10}, {50, 50, 60, 60}},
                new int[] {0, 1}, 100, 100, 1, 6);
        Assignment a = new HungarianMatcher(TestProblems.paperLoss()).match(p);
        assertArrayEquals(new int[] {1, 0, -1}, a.gtOfPrediction());
        assertArrayEquals(new int[][] {{0, 1}, {1, 0}}, a.pairs());
    }
}
