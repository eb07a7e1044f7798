package org.dsrcnn.engine.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.data.ImageTargets;
import org.dsrcnn.engine.model.StageOutput;
import org.junit.jupiter.api.Test;

class SetCriterionTest {

    private static final double LN2 = Math.log(2);
    // sigmoid focal loss (alpha 0.25, gamma 2) at logit 0 (p = 1/2, ce = ln 2):
    private static final double POS0 = 0.25 * 0.25 * LN2; // target 1
    private static final double NEG0 = 0.75 * 0.25 * LN2; // target 0

    private static ImageTargets oneGt() {
        return new ImageTargets(new float[][] {{10, 10, 30, 30}}, new int[] {0}, 100, 100);
    }

    @Test
    void hungarianTwoStagesHandWorked() {
        DsrcnnConfig cfg = Presets.load("paper-baseline");
        float ln3 = (float) Math.log(3);
        try (NDManager m = NDManager.newBaseManager()) {
            // B = 1, N = 2, K = 2. Stage 1: prediction 0 is [10,10,30,40] (near the GT), all logits 0.
            StageOutput s1 = new StageOutput(
                    m.create(new float[] {0, 0, 0, 0}, new Shape(1, 2, 2)),
                    m.create(new float[] {10, 10, 30, 40, 60, 60, 80, 80}, new Shape(1, 2, 4)));
            // Stage 2: the roles swap, prediction 1 is near the GT and has logit ln 3 at class 0
            StageOutput s2 = new StageOutput(
                    m.create(new float[] {0, 0, ln3, 0}, new Shape(1, 2, 2)),
                    m.create(new float[] {60, 60, 80, 80, 10, 10, 30, 40}, new Shape(1, 2, 4)));
            CriterionResult r = new SetCriterion(cfg).compute(List.of(s1, s2), List.of(oneGt()));
            Map<String, Float> v = r.toFloats();
            assertEquals(List.of("s1.cls", "s1.l1", "s1.giou", "s2.cls", "s2.l1", "s2.giou", "total"),
                    List.copyOf(v.keySet()));
            assertArrayEquals(new int[] {0, -1}, r.assignments().get(0).get(0).gtOfPrediction());
            assertArrayEquals(new int[] {-1, 0}, r.assignments().get(1).get(0).gtOfPrediction());
            // num_boxes = 1 GT. Stage 1 cls: one positive entry + 3 negatives, all at logit 0, weight 2
            assertEquals(2 * (POS0 + 3 * NEG0), v.get("s1.cls"), 1e-6);
            // L1: only y2 differs, |40 - 30| / 100 = 0.1, weight 5
            assertEquals(5 * 0.1, v.get("s1.l1"), 1e-6);
            // GIoU: inter 20x20 = 400, union = 20x30 = 600 = enclosing -> GIoU 2/3, loss 1/3, weight 2
            assertEquals(2 * (1 - 2.0 / 3), v.get("s1.giou"), 1e-6);
            // Stage 2 cls: positive at logit ln 3 (p = 3/4): 0.25 * (1/4)^2 * ln(4/3); 3 negatives at 0
            double s2cls = 2 * (0.25 * Math.log(4.0 / 3) / 16 + 3 * NEG0);
            assertEquals(s2cls, v.get("s2.cls"), 1e-6);
            assertEquals(0.5, v.get("s2.l1"), 1e-6);
            assertEquals(2.0 / 3, v.get("s2.giou"), 1e-6);
            assertEquals(2 * (POS0 + 3 * NEG0) + 0.5 + 2.0 / 3 + s2cls + 0.5 + 2.0 / 3, v.get("total"), 1e-5);
            assertArrayEquals(new int[] {1, 1}, r.positives());
        }
    }

    @Test
    void otaNormalisesByPositivesAndTrainsThroughTheGather() {
        DsrcnnConfig cfg = Presets.with(Presets.with(Presets.load("small"), "matcher.k", "2"),
                "matcher.unitIncreasing", "false");
        try (NDManager m = NDManager.newBaseManager()) {
            // B = 2, N = 4, K = 2, T = 1, all logits 0. Image 0: GT [0,0,20,20] class 1 with two close
            // predictions (0: exact, 1: [0,0,20,22]); image 1: no GT.
            NDArray logits = m.zeros(new Shape(1 * 2, 4, 2));
            NDArray boxes = m.create(new float[] {
                0, 0, 20, 20, 0, 0, 20, 22, 50, 50, 60, 60, 70, 70, 90, 90,
                0, 0, 20, 20, 0, 0, 20, 22, 50, 50, 60, 60, 70, 70, 90, 90}, new Shape(2, 4, 4));
            logits.setRequiresGradient(true);
            boxes.setRequiresGradient(true);
            List<ImageTargets> targets = List.of(
                    new ImageTargets(new float[][] {{0, 0, 20, 20}}, new int[] {1}, 100, 100),
                    new ImageTargets(new float[0][], new int[0], 100, 100));
            CriterionResult r;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                r = new SetCriterion(cfg).compute(List.of(new StageOutput(logits, boxes)), targets);
                gc.backward(r.total());
            }
            assertArrayEquals(new int[] {0, 0, -1, -1}, r.assignments().get(0).get(0).gtOfPrediction());
            assertArrayEquals(new int[] {-1, -1, -1, -1}, r.assignments().get(0).get(1).gtOfPrediction());
            assertArrayEquals(new int[] {2}, r.positives());
            Map<String, Float> v = r.toFloats();
            // n = 2 positives. cls: 2 positive entries + (2*4*2 - 2) = 14 negatives, weight 2 / 2
            assertEquals(2.0 / 2 * (2 * POS0 + 14 * NEG0), v.get("s1.cls"), 1e-6);
            // L1: prediction 1 is off by 2 px in y2 over height 100: 5 / 2 * 0.02
            assertEquals(5.0 / 2 * 0.02, v.get("s1.l1"), 1e-6);
            // GIoU of prediction 1: inter 400, union = enclosing = 440 -> 10/11, loss 1/11, weight 2 / 2
            assertEquals(1.0 / 11, v.get("s1.giou"), 1e-6);

            float[] boxGrad = boxes.getGradient().toFloatArray();
            // d/dy2 of prediction 1: L1 5/2 * (1/100) + GIoU loss d(1 - 400/(20 y2))/dy2 = 8000/440^2
            assertEquals(5.0 / 2 / 100 + 8000.0 / (440 * 440), boxGrad[4 + 3], 1e-5);
            // unmatched predictions and the empty image get no box gradient
            for (int q = 8; q < 32; q++) {
                assertEquals(0f, boxGrad[q], "box gradient at " + q);
            }
            float[] logitGrad = logits.getGradient().toFloatArray();
            // positive at logit 0: d/dx [alpha (1-p)^2 (-ln p)] = alpha (1-p)^2 (2 p ln p - (1-p)), p = 1/2
            double dPos = 0.25 * 0.25 * (2 * 0.5 * Math.log(0.5) - 0.5);
            // negative: d/dx [(1-alpha) p^2 (-ln(1-p))] = (1-alpha) p^2 (p - 2 (1-p) ln(1-p))
            double dNeg = 0.75 * 0.25 * (0.5 - 2 * 0.5 * Math.log(0.5));
            assertEquals(dPos, logitGrad[1], 1e-6); // image 0, prediction 0, class 1
            assertEquals(dNeg, logitGrad[0], 1e-6); // image 0, prediction 0, class 0
            assertEquals(dNeg, logitGrad[8], 1e-6); // image 1
        }
    }

    @Test
    void batchWithoutAnyGtStillHasAClassificationLoss() {
        DsrcnnConfig cfg = Presets.load("paper-baseline");
        try (NDManager m = NDManager.newBaseManager()) {
            StageOutput s = new StageOutput(m.zeros(new Shape(1, 3, 2)),
                    m.create(new float[] {0, 0, 1, 1, 0, 0, 2, 2, 0, 0, 3, 3}, new Shape(1, 3, 4)));
            CriterionResult r = new SetCriterion(cfg).compute(List.of(s),
                    List.of(new ImageTargets(new float[0][], new int[0], 10, 10)));
            // num_boxes clamps to 1: 2 * 6 negatives at logit 0
            assertEquals(2 * 6 * NEG0, r.toFloats().get("s1.cls"), 1e-6);
            assertEquals(0f, r.toFloats().get("s1.l1"));
            assertEquals(0f, r.toFloats().get("s1.giou"));
        }
    }

    @Test
    void badPredictionsNameTheStageAndImage() {
        DsrcnnConfig cfg = Presets.load("paper-baseline");
        try (NDManager m = NDManager.newBaseManager()) {
            StageOutput ok = new StageOutput(m.zeros(new Shape(1, 1, 2)), m.create(new float[] {0, 0, 1, 1}, new Shape(1, 1, 4)));
            StageOutput nan = new StageOutput(m.zeros(new Shape(1, 1, 2)),
                    m.create(new float[] {0, 0, Float.NaN, 1}, new Shape(1, 1, 4)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SetCriterion(cfg).compute(List.of(ok, nan), List.of(oneGt())));
            assertTrue(e.getMessage().startsWith("stage 2, image 0: prediction 0: box must be finite"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> new SetCriterion(cfg).compute(List.of(ok), List.of(oneGt(), oneGt())));
        }
    }
}
