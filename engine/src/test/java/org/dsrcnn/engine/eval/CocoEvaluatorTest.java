package org.dsrcnn.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.CocoJsonBuilder;
import org.dsrcnn.engine.data.DatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-worked COCO evaluation cases; every expected number is derived in the comments. */
class CocoEvaluatorTest {

    private static final double EPS = 1e-12;

    @TempDir Path dir;

    private static CocoDetection det(long image, int category, double x, double y, double w, double h, double score) {
        return new CocoDetection(image, category, x, y, w, h, score);
    }

    @Test
    void perfectDetectorScoresOneEverywhere() {
        // small (10x10 = 100), medium (50x50 = 2500) and large (150x150 = 22500) objects, two classes,
        // one object per image and class (so that even AR1, one detection per image and class, is 1)
        CocoJsonBuilder b = new CocoJsonBuilder().category(1, "a").category(5, "b")
                .image(1, 400, 400).image(2, 400, 400).image(3, 400, 400).image(4, 400, 400)
                .box(1, 1, 0, 0, 10, 10).box(1, 5, 20, 20, 50, 50)
                .box(2, 5, 5, 5, 10, 10).box(2, 1, 100, 100, 50, 50)
                .box(3, 1, 200, 200, 150, 150).box(4, 5, 200, 10, 150, 150);
        CocoDataset gt = b.load(dir.resolve("gt.json"));
        List<CocoDetection> dt = new ArrayList<>();
        double score = 0.99;
        for (var a : gt.annotations()) {
            dt.add(det(a.imageId(), a.categoryId(), a.x(), a.y(), a.w(), a.h(), score));
            score -= 0.1;
        }
        CocoMetrics m = CocoEvaluator.evaluate(gt, dt);
        for (double v : m.stats()) {
            assertEquals(1.0, v, EPS);
        }
        assertEquals(1.0, m.perCategory().get(0).ap(), EPS);
        assertEquals(1.0, m.perCategory().get(1).ap(), EPS);
    }

    /**
     * One image, 4 large GT, 5 detections: TP 0.9, FP 0.8, TP 0.7, FP 0.6, TP 0.5 (TPs coincide with a
     * GT, FPs overlap nothing, so every IoU threshold sees the same curve). After each detection:
     * recall .25 .25 .5 .5 .75, precision 1 1/2 2/3 1/2 3/5; monotone envelope 1 2/3 2/3 3/5 3/5.
     * Recall points r_0..r_25 (r <= .25, 26 points) read position 0 -> 1; r_26..r_50 (25 points) read
     * position 2 -> 2/3; r_51..r_75 (25 points) read position 4 -> 3/5; r_76..r_100 are never reached
     * -> 0. AP = (26 + 25*2/3 + 25*3/5) / 101.
     */
    @Test
    void knownPrecisionRecallCurveGivesIts101PointArea() {
        CocoJsonBuilder b = new CocoJsonBuilder().category(1, "a").image(1, 1000, 1000);
        for (int g = 0; g < 4; g++) {
            b.box(1, 1, g * 200, 0, 150, 150);
        }
        CocoDataset gt = b.load(dir.resolve("gt.json"));
        List<CocoDetection> dt = List.of(
                det(1, 1, 0, 0, 150, 150, 0.9),
                det(1, 1, 0, 600, 150, 150, 0.8),
                det(1, 1, 200, 0, 150, 150, 0.7),
                det(1, 1, 300, 600, 150, 150, 0.6),
                det(1, 1, 400, 0, 150, 150, 0.5));
        CocoMetrics m = CocoEvaluator.evaluate(gt, dt);
        double expected = (26 + 25 * 2.0 / 3 + 25 * 3.0 / 5) / 101;
        assertEquals(expected, m.ap(), EPS);
        assertEquals(expected, m.ap50(), EPS);
        assertEquals(expected, m.ap75(), EPS);
        assertEquals(expected, m.apLarge(), EPS);
        assertEquals(-1, m.apSmall(), EPS); // no small or medium GT: nothing to measure
        assertEquals(-1, m.apMedium(), EPS);
        assertEquals(0.75, m.ar100(), EPS);
        assertEquals(0.75, m.ar10(), EPS);
        assertEquals(0.25, m.ar1(), EPS); // one detection per image: the top TP
        assertEquals(0.75, m.arLarge(), EPS);
        assertEquals("0.571", CocoMetrics.threeDecimals(m.ap()));
    }

    /**
     * IoU thresholds matter: a 100x100 GT and one detection shifted by s px horizontally has IoU
     * (100-s)/(100+s). s = 10 gives 90/110 = 0.818: a TP at thresholds .50 .. .80 (7 of 10), an FP at
     * .85 .90 .95. AP = 7/10 (1 at the 7 thresholds it matches, 0 at the other 3).
     */
    @Test
    void iouThresholdsSplitAtTheRightPlaces() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").image(1, 300, 300)
                .box(1, 1, 50, 50, 100, 100).load(dir.resolve("gt.json"));
        CocoMetrics m = CocoEvaluator.evaluate(gt, List.of(det(1, 1, 60, 50, 100, 100, 0.9)));
        assertEquals(0.7, m.ap(), EPS);
        assertEquals(1.0, m.ap50(), EPS);
        assertEquals(1.0, m.ap75(), EPS);
        assertEquals(0.7, m.ar100(), EPS);
        // s = 25: IoU 75/125 = 0.6 -> TP at .50 .55 .60 (0.6 >= 0.6) only; AP75 = 0
        CocoMetrics m2 = CocoEvaluator.evaluate(gt, List.of(det(1, 1, 75, 50, 100, 100, 0.9)));
        assertEquals(0.3, m2.ap(), EPS);
        assertEquals(0.0, m2.ap75(), EPS);
    }

    /**
     * A crowd region 200x200 and a regular 40x40 GT. Detection A (score .95) is a 20x20 box inside the
     * crowd region: plain IoU 400/40000 = .01, but crowd IoU = intersection / detection area = 1, so
     * it matches the crowd and is ignored. Detection B (.90) hits the regular GT. Without the ignore
     * rule A would be an FP ranked first and AP would be 1/2; with it AP = 1. The crowd box is not a GT
     * to find: recall is 1 with one TP.
     */
    @Test
    void detectionsOnCrowdRegionsAreIgnored() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").image(1, 500, 500)
                .crowd(1, 1, 0, 0, 200, 200).box(1, 1, 300, 300, 40, 40).load(dir.resolve("gt.json"));
        List<CocoDetection> dt = List.of(det(1, 1, 50, 50, 20, 20, 0.95), det(1, 1, 300, 300, 40, 40, 0.90));
        CocoMetrics m = CocoEvaluator.evaluate(gt, dt);
        assertEquals(1.0, m.ap(), EPS);
        assertEquals(1.0, m.ar100(), EPS);
        // crowd regions absorb any number of detections
        List<CocoDetection> many = new ArrayList<>(dt);
        for (int i = 0; i < 5; i++) {
            many.add(det(1, 1, 10 + 30 * i, 10, 20, 20, 0.99 - i * 0.001));
        }
        assertEquals(1.0, CocoEvaluator.evaluate(gt, many).ap(), EPS);
        // a category whose only GT is a crowd region has nothing to find: -1, left out of the mean
        CocoDataset onlyCrowd = new CocoJsonBuilder().category(1, "a").image(1, 500, 500)
                .crowd(1, 1, 0, 0, 200, 200).load(dir.resolve("crowd.json"));
        assertEquals(-1, CocoEvaluator.evaluate(onlyCrowd, dt).ap(), EPS);
    }

    /**
     * GT areas 500 (small), 5000 (medium, missed), 20000 (large) from the area field: boxes whose own
     * w*h says otherwise prove the area field decides. Small and large are found: APs = APl = 1,
     * APm = 0 (its GT is there but never found). Over all areas recall 2/3 at precision 1: the recall
     * points r_0..r_66 (67 of 101, r_66 = .66 <= 2/3 < .67) read 1: AP = 67/101.
     */
    @Test
    void areaRangesFollowTheGtAreaField() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").image(1, 600, 600)
                .box(1, 1, 0, 0, 40, 40, 500) // box area 1600 (medium) but object area 500: small
                .box(1, 1, 100, 100, 80, 80, 5000) // medium
                .box(1, 1, 300, 300, 150, 150) // no area field: 22500 = w*h, large
                .load(dir.resolve("gt.json"));
        List<CocoDetection> dt = List.of(det(1, 1, 0, 0, 40, 40, 0.9), det(1, 1, 300, 300, 150, 150, 0.8));
        CocoMetrics m = CocoEvaluator.evaluate(gt, dt);
        assertEquals(1.0, m.apSmall(), EPS);
        assertEquals(0.0, m.apMedium(), EPS);
        assertEquals(1.0, m.apLarge(), EPS);
        assertEquals(67.0 / 101, m.ap(), EPS);
        assertEquals(1.0, m.arSmall(), EPS);
        assertEquals(0.0, m.arMedium(), EPS);
        assertEquals(1.0, m.arLarge(), EPS);
        assertEquals(2.0 / 3, m.ar100(), EPS);
    }

    /** Area range bounds are inclusive at both ends: area exactly 32^2 is small and medium. */
    @Test
    void boundaryAreaCountsInBothNeighbouringRanges() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").image(1, 100, 100)
                .box(1, 1, 0, 0, 32, 32).load(dir.resolve("gt.json"));
        CocoMetrics m = CocoEvaluator.evaluate(gt, List.of(det(1, 1, 0, 0, 32, 32, 0.5)));
        assertEquals(1.0, m.apSmall(), EPS);
        assertEquals(1.0, m.apMedium(), EPS);
        assertEquals(-1, m.apLarge(), EPS);
    }

    /**
     * An unmatched detection outside the area range is ignored: in the small range a large FP does
     * not cost precision, in the all range it does (FP first: precision 0 then 1/2, envelope 1/2 at
     * recall 1: AP = 1/2).
     */
    @Test
    void unmatchedDetectionsOutsideTheRangeAreIgnored() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").image(1, 400, 400)
                .box(1, 1, 0, 0, 10, 10).load(dir.resolve("gt.json"));
        List<CocoDetection> dt = List.of(det(1, 1, 200, 200, 150, 150, 0.9), det(1, 1, 0, 0, 10, 10, 0.8));
        CocoMetrics m = CocoEvaluator.evaluate(gt, dt);
        assertEquals(1.0, m.apSmall(), EPS);
        assertEquals(0.5, m.ap(), EPS);
    }

    /**
     * maxDets cuts per image and category, after sorting by score. One GT, 100 FPs scored above one
     * TP: the TP is the 101st and is cut (AP = AR100 = 0). Drop one FP and the TP is the 100th:
     * recall 1 at precision 1/100, so AP = 0.01 and AR100 = 1, but AR10 = AR1 = 0. Detections of
     * another category in the same image do not count against the cap.
     */
    @Test
    void maxDetsTruncatesPerImageAndCategory() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").category(2, "b").image(1, 2000, 2000)
                .box(1, 1, 0, 0, 50, 50).load(dir.resolve("gt.json"));
        List<CocoDetection> fps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fps.add(det(1, 1, 100 + (i % 10) * 150, 100 + (i / 10) * 150, 50, 50, 0.9 - i * 0.001));
        }
        CocoDetection tp = det(1, 1, 0, 0, 50, 50, 0.1);
        List<CocoDetection> cut = new ArrayList<>(fps);
        cut.add(tp);
        CocoMetrics m = CocoEvaluator.evaluate(gt, cut);
        assertEquals(0.0, m.ap(), EPS);
        assertEquals(0.0, m.ar100(), EPS);

        List<CocoDetection> kept = new ArrayList<>(fps.subList(1, 100));
        kept.add(tp);
        for (int i = 0; i < 50; i++) {
            kept.add(det(1, 2, 0, 0, 50, 50, 0.95)); // category b: its own cap
        }
        CocoMetrics m2 = CocoEvaluator.evaluate(gt, kept);
        assertEquals(0.01, m2.ap(), EPS);
        assertEquals(1.0, m2.ar100(), EPS);
        assertEquals(0.0, m2.ar10(), EPS);
        assertEquals(0.0, m2.ar1(), EPS);
        assertEquals(-1, m2.perCategory().get(1).ap(), EPS);
    }

    /** Category b has no GT (only false positives): it is -1 and left out of the mean. */
    @Test
    void categoryWithoutGtIsExcludedFromTheMean() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").category(9, "b").image(1, 300, 300)
                .box(1, 1, 10, 10, 60, 60).load(dir.resolve("gt.json"));
        List<CocoDetection> dt = List.of(det(1, 1, 10, 10, 60, 60, 0.5), det(1, 9, 100, 100, 60, 60, 0.9));
        CocoMetrics m = CocoEvaluator.evaluate(gt, dt);
        assertEquals(1.0, m.ap(), EPS);
        assertEquals(1.0, m.perCategory().get(0).ap(), EPS);
        assertEquals(-1, m.perCategory().get(1).ap(), EPS);
        assertEquals(9, m.perCategory().get(1).categoryId());
    }

    /**
     * Equal scores keep their order, images in ascending id order. Image 1 has an FP, image 2 a TP,
     * both scored .5: pooled order FP, TP -> precision 0, 1/2 -> envelope 1/2 at recall 1: AP = 1/2.
     * Swap which image holds which and the TP comes first: AP = 1.
     */
    @Test
    void tiedScoresAreBrokenByImageOrderLikePycocotools() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").image(1, 100, 100).image(2, 100, 100)
                .box(2, 1, 0, 0, 50, 50).load(dir.resolve("gt.json"));
        CocoMetrics m = CocoEvaluator.evaluate(gt, List.of(det(2, 1, 0, 0, 50, 50, 0.5), det(1, 1, 0, 0, 50, 50, 0.5)));
        assertEquals(0.5, m.ap(), EPS);
        CocoDataset gt2 = new CocoJsonBuilder().category(1, "a").image(1, 100, 100).image(2, 100, 100)
                .box(1, 1, 0, 0, 50, 50).load(dir.resolve("gt2.json"));
        CocoMetrics m2 = CocoEvaluator.evaluate(gt2, List.of(det(2, 1, 0, 0, 50, 50, 0.5), det(1, 1, 0, 0, 50, 50, 0.5)));
        assertEquals(1.0, m2.ap(), EPS);
    }

    /**
     * Two detections on one GT: the better-scored one takes it, the second is an FP (a GT is matched
     * once). Scores .9 (IoU 1) and .8 (IoU 1): precision 1 then 1/2; recall 1 is reached at position
     * 0 so AP = 1. With the order reversed in score (the duplicate scored higher and off by 10 px,
     * IoU 0.818), at thresholds .85-.95 the first detection fails and the second (IoU 1) still
     * matches: recall 1 at precision 1/2 there. AP = (7 * 1 + 3 * 0.5) / 10 = 0.85.
     */
    @Test
    void aGtIsMatchedOnlyOnce() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").image(1, 300, 300)
                .box(1, 1, 50, 50, 100, 100).load(dir.resolve("gt.json"));
        CocoMetrics m = CocoEvaluator.evaluate(gt,
                List.of(det(1, 1, 50, 50, 100, 100, 0.9), det(1, 1, 50, 50, 100, 100, 0.8)));
        assertEquals(1.0, m.ap(), EPS);
        CocoMetrics m2 = CocoEvaluator.evaluate(gt,
                List.of(det(1, 1, 60, 50, 100, 100, 0.9), det(1, 1, 50, 50, 100, 100, 0.8)));
        assertEquals(0.85, m2.ap(), EPS);
    }

    @Test
    void noGtAtAllGivesMinusOneEverywhere() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").image(1, 100, 100).load(dir.resolve("gt.json"));
        CocoMetrics m = CocoEvaluator.evaluate(gt, List.of(det(1, 1, 0, 0, 10, 10, 0.5)));
        for (double v : m.stats()) {
            assertEquals(-1, v, EPS);
        }
        assertEquals(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = -1.000",
                m.summaryLines().get(0));
    }

    @Test
    void detectionsOnUnknownImagesOrCategoriesAreOneLineErrors() {
        CocoDataset gt = new CocoJsonBuilder().category(1, "a").image(1, 100, 100)
                .box(1, 1, 0, 0, 10, 10).load(dir.resolve("gt.json"));
        DatasetException e = assertThrows(DatasetException.class,
                () -> CocoEvaluator.evaluate(gt, List.of(det(7, 1, 0, 0, 10, 10, 0.5), det(8, 1, 0, 0, 1, 1, 0.4))));
        assertEquals("detection #0: image_id 7 is not in the ground truth gt.json (and 1 more bad detections)",
                e.getMessage());
        DatasetException e2 = assertThrows(DatasetException.class,
                () -> CocoEvaluator.evaluate(gt, List.of(det(1, 4, 0, 0, 10, 10, 0.5))));
        assertTrue(e2.getMessage().contains("category_id 4"), e2.getMessage());
    }
}
