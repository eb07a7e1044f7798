package org.dsrcnn.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.CocoJsonBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-worked per-image matchings; the per-image and dataset numbers against {@link CocoEvaluator}. */
class ImageMatchingTest {

    @TempDir Path dir;

    private static CocoDetection det(long image, int category, double x, double y, double w, double h, double score) {
        return new CocoDetection(image, category, x, y, w, h, score);
    }

    /**
     * GT: A (0,0,100,100) and B (200,0,100,100) of class 1, a crowd region (0,200,200,100) of class 1
     * and C (400,0,50,50) of class 2. Detections of class 1: d0 0.9 on A (IoU 1), d1 0.8 also on A
     * (A taken: FP), d2 0.7 inside the crowd region (ignored), d3 0.6 on B shifted 20 px
     * (IoU 80*100/(2*10000-8000) = 2/3: TP up to 0.65, FP from 0.70). Class 2: nothing, so C is missed.
     */
    @Test
    void greedyByScoreWithCrowdAsIgnore() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").category(2, "b").image(1, 500, 400)
                .box(1, 1, 0, 0, 100, 100).box(1, 1, 200, 0, 100, 100).crowd(1, 1, 0, 200, 200, 100)
                .box(1, 2, 400, 0, 50, 50).load(dir.resolve("gt.json"));
        List<CocoDetection> dts = List.of(det(1, 1, 0, 0, 100, 100, 0.9), det(1, 1, 0, 0, 100, 100, 0.8),
                det(1, 1, 10, 210, 50, 50, 0.7), det(1, 1, 220, 0, 100, 100, 0.6));
        ImageMatching m = ImageMatching.of(gt.categories(), gt.annotations(1), dts);
        assertEquals(ImageMatching.Outcome.TP, m.outcome(0, 0.5));
        assertEquals(0, m.matchedGt(0, 0.5));
        assertEquals(1.0, m.matchIou(0, 0.5), 1e-12);
        assertEquals(ImageMatching.Outcome.FP, m.outcome(1, 0.5));
        assertEquals(ImageMatching.Outcome.IGNORED, m.outcome(2, 0.5));
        assertEquals(ImageMatching.Outcome.TP, m.outcome(3, 0.5));
        assertEquals(1, m.matchedGt(3, 0.5));
        assertEquals(2.0 / 3, m.matchIou(3, 0.5), 1e-12);
        assertEquals(ImageMatching.Outcome.TP, m.outcome(3, 0.65));
        assertEquals(ImageMatching.Outcome.FP, m.outcome(3, 0.7));
        assertEquals(new ImageMatching.Counts(2, 1, 1), m.counts(0.5, 0));
        // above 0.65 d3 is left out: B becomes a miss; the crowd region is never a miss
        assertEquals(new ImageMatching.Counts(1, 1, 2), m.counts(0.5, 0.65));
        assertEquals(new ImageMatching.Counts(1, 2, 2), m.counts(0.7, 0));
        assertThrows(IllegalArgumentException.class, () -> m.outcome(0, 0.52));
    }

    @Test
    void imageNumbersAreTheEvaluatorsOnThatImageAlone() {
        CocoJsonBuilder b = new CocoJsonBuilder().category(3, "a").category(7, "b").image(5, 400, 400);
        b.box(5, 3, 10, 10, 60, 60).box(5, 3, 100, 100, 20, 20).box(5, 7, 200, 200, 150, 150)
                .crowd(5, 7, 0, 300, 100, 100);
        CocoDataset gt = b.load(dir.resolve("one.json"));
        List<CocoDetection> dts = new ArrayList<>();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 30; i++) {
            dts.add(det(5, r.nextBoolean() ? 3 : 7, r.nextInt(300), r.nextInt(300), 10 + r.nextInt(150),
                    10 + r.nextInt(150), r.nextDouble()));
        }
        dts.add(det(5, 3, 12, 8, 58, 61, 0.95));
        ImageMatching m = ImageMatching.of(gt.categories(), gt.annotations(5), dts);
        assertArrayEquals(CocoEvaluator.evaluate(gt, dts).stats(), m.metrics().stats(), 0.0);
        DatasetEvaluation all = DatasetEvaluation.evaluate(gt, dts);
        assertArrayEquals(CocoEvaluator.evaluate(gt, dts).stats(), all.metrics().stats(), 0.0);
        assertEquals(101, all.curves().get(0).precision50().length);
        // the curve's mean at IoU 0.5 is the category's AP50
        double mean = java.util.Arrays.stream(all.curves().get(0).precision50()).average().orElseThrow();
        assertEquals(all.metrics().perCategory().get(0).ap50(), mean, 1e-12);
    }
}
