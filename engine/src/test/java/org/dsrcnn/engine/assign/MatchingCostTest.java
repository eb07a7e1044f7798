package org.dsrcnn.engine.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.dsrcnn.engine.box.BoxOps;
import org.junit.jupiter.api.Test;

class MatchingCostTest {

    @Test
    void handWorkedPair() {
        // one prediction [0,0,10,10] with logit 0 at class 1 (p = 0.5), one GT [5,0,15,10] of class 1,
        // image 100 x 50
        MatchProblem p = new MatchProblem(
                new float[][] {{2f, 0f}}, new float[][] {{0, 0, 10, 10}},
                new float[][] {{5, 0, 15, 10}}, new int[] {1}, 100, 50, 1, 1);
        CostMatrix c = new MatchingCost(TestProblems.paperLoss()).compute(p);
        double ln = -Math.log(0.5 + 1e-8);
        double cls = 0.25 * 0.5 * 0.5 * ln - 0.75 * 0.5 * 0.5 * Math.log(1 / (0.5 + 1e-8)); // = -0.125 ln 2
        assertEquals(cls, c.cls()[0][0], 1e-12);
        assertEquals(-0.125 * Math.log(2), c.cls()[0][0], 1e-7);
        // L1 over xyxy / (100, 50, 100, 50): |0-5|/100 + 0 + |10-15|/100 + 0 = 0.1
        assertEquals(0.1, c.l1()[0][0], 1e-7);
        // inter 5 x 10 = 50, union 100 + 100 - 50 = 150, enclosing 15 x 10 = 150: GIoU = IoU = 1/3
        assertEquals(1.0 / 3, c.giou()[0][0], 1e-12);
        assertEquals(1.0 / 3, c.iou()[0][0], 1e-12);
        assertEquals(2 * cls + 5 * 0.1 - 2 * (1.0 / 3), c.total()[0][0], 1e-7);
    }

    @Test
    void confidentPredictionIsCheaper() {
        // logit ln 3 -> p = 0.75: pos = 0.25 * 0.25^2 * -ln 0.75, neg = 0.75 * 0.75^2 * -ln 0.25
        MatchProblem p = new MatchProblem(
                new float[][] {{(float) Math.log(3)}, {-(float) Math.log(3)}},
                new float[][] {{0, 0, 10, 10}, {0, 0, 10, 10}},
                new float[][] {{0, 0, 10, 10}}, new int[] {0}, 10, 10, 1, 1);
        CostMatrix c = new MatchingCost(TestProblems.paperLoss()).compute(p);
        double confident = 0.25 * 0.0625 * -Math.log(0.75) - 0.75 * 0.5625 * -Math.log(0.25);
        // p = 0.25: pos = 0.25 * 0.75^2 * -ln 0.25, neg = 0.75 * 0.25^2 * -ln 0.75
        double doubtful = 0.25 * 0.5625 * -Math.log(0.25) - 0.75 * 0.0625 * -Math.log(0.75);
        assertEquals(confident, c.cls()[0][0], 1e-6);
        assertEquals(doubtful, c.cls()[0][1], 1e-6);
        // identical boxes: L1 0, GIoU 1
        assertEquals(2 * confident - 2, c.total()[0][0], 1e-6);
    }

    @Test
    void matchesBoxOpsOnRandomScenes() {
        Random r = new Random(5);
        MatchProblem p = TestProblems.random(r, 30, 7, 4, 1, 6);
        CostMatrix c = new MatchingCost(TestProblems.paperLoss()).compute(p);
        for (int i = 0; i < 7; i++) {
            float[] g = p.gtBoxes()[i];
            for (int j = 0; j < 30; j++) {
                float[] b = p.boxes()[j];
                assertEquals(BoxOps.giou(b, g), c.giou()[i][j], 1e-9);
                assertEquals(BoxOps.iou(b, g), c.iou()[i][j], 1e-9);
                double l1 = 0;
                for (int q = 0; q < 4; q++) {
                    l1 += Math.abs((double) b[q] - g[q]) / (q % 2 == 0 ? 800.0 : 600.0);
                }
                assertEquals(l1, c.l1()[i][j], 1e-9);
                double prob = 1 / (1 + Math.exp(-p.logits()[j][p.gtLabels()[i]]));
                double cls = 0.25 * Math.pow(1 - prob, 2) * -Math.log(prob + 1e-8)
                        - 0.75 * prob * prob * -Math.log(1 - prob + 1e-8);
                assertEquals(2 * cls + 5 * l1 - 2 * BoxOps.giou(b, g), c.total()[i][j], 1e-9);
            }
        }
    }
}
