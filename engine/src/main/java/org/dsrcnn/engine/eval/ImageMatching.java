package org.dsrcnn.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.data.CocoAnnotation;
import org.dsrcnn.engine.data.CocoCategory;

/**
 * One image's detections matched to its ground truth exactly as {@link CocoEvaluator} matches them
 * (pycocotools' {@code evaluateImg}, area "all"): per category, detections best score first, at most
 * 100, each takes the free GT of highest IoU at or above the threshold, crowd GT as ignore regions
 * (a detection on a crowd region is neither TP nor FP). Kept for all ten COCO IoU thresholds, so a
 * viewer can switch threshold without matching again, together with the image's own COCO numbers.
 *
 * <p>Greedy matching by score has a property the counts rely on: the matches of the detections
 * scoring at least s do not depend on the detections below s. So {@link #counts} at any score
 * threshold is read from this one matching.
 */
public final class ImageMatching {

    /** What a detection is at one IoU threshold. */
    public enum Outcome {
        /** Matched a regular GT of its class. */
        TP,
        /** Matched nothing. */
        FP,
        /** Matched a crowd region: not counted. */
        IGNORED,
        /** Beyond the 100 best of its class on the image: COCO does not look at it. */
        NOT_EVALUATED
    }

    /** TP, FP and FN counts (crowd matches and crowd GT not counted). */
    public record Counts(int tp, int fp, int fn) {}

    private final List<CocoDetection> detections;
    private final List<CocoAnnotation> gts;
    private final int[][] matchedGt;
    private final double[][] matchIou;
    private final Outcome[][] outcomes;
    private final double[][] gtMatchScore;
    private final CocoMetrics metrics;

    private ImageMatching(List<CocoDetection> detections, List<CocoAnnotation> gts, int[][] matchedGt,
            double[][] matchIou, Outcome[][] outcomes, double[][] gtMatchScore, CocoMetrics metrics) {
        this.detections = detections;
        this.gts = gts;
        this.matchedGt = matchedGt;
        this.matchIou = matchIou;
        this.outcomes = outcomes;
        this.gtMatchScore = gtMatchScore;
        this.metrics = metrics;
    }

    /** The ten COCO IoU thresholds 0.50:0.05:0.95 the matching is kept for. */
    public static double[] iouThresholds() {
        return EvalParams.IOU_THRESHOLDS.clone();
    }

    /**
     * Matches one image.
     *
     * @param categories the categories in label order (their ids are what {@code categoryId} of the
     *     boxes refers to)
     * @param gts the image's GT, crowd included, any category (one of an unknown category can only be
     *     missed)
     * @param dts the image's detections, any order (one of an unknown category can only be an FP)
     */
    public static ImageMatching of(List<CocoCategory> categories, List<CocoAnnotation> gts, List<CocoDetection> dts) {
        int numT = EvalParams.IOU_THRESHOLDS.length;
        int numA = EvalParams.AREA_RANGES.length;
        int maxDet = EvalParams.MAX_DETS[EvalParams.MAX_DETS.length - 1];
        List<CocoDetection> detections = List.copyOf(dts);
        List<CocoAnnotation> truth = List.copyOf(gts);
        int[][] matchedGt = new int[numT][detections.size()];
        double[][] matchIou = new double[numT][detections.size()];
        Outcome[][] outcomes = new Outcome[numT][detections.size()];
        double[][] gtMatchScore = new double[numT][truth.size()];
        for (int t = 0; t < numT; t++) {
            Arrays.fill(matchedGt[t], -1);
            Arrays.fill(outcomes[t], Outcome.FP);
            Arrays.fill(gtMatchScore[t], Double.NaN);
        }
        Map<Integer, Integer> labelOf = new HashMap<>();
        for (int k = 0; k < categories.size(); k++) {
            labelOf.put(categories.get(k).id(), k);
        }
        ImageEvaluation[][][] evals = new ImageEvaluation[categories.size()][numA][1];
        for (int k = 0; k < categories.size(); k++) {
            int categoryId = categories.get(k).id();
            List<Integer> gtIndex = new ArrayList<>();
            for (int g = 0; g < truth.size(); g++) {
                if (truth.get(g).categoryId() == categoryId) {
                    gtIndex.add(g);
                }
            }
            List<Integer> dtIndex = new ArrayList<>();
            for (int d = 0; d < detections.size(); d++) {
                if (detections.get(d).categoryId() == categoryId) {
                    dtIndex.add(d);
                }
            }
            if (gtIndex.isEmpty() && dtIndex.isEmpty()) {
                continue;
            }
            dtIndex.sort((p, q) -> CocoEvaluator.byScoreDescending(
                    detections.get(p).score(), detections.get(q).score())); // stable, as the evaluator
            for (int j = maxDet; j < dtIndex.size(); j++) {
                for (int t = 0; t < numT; t++) {
                    outcomes[t][dtIndex.get(j)] = Outcome.NOT_EVALUATED;
                }
            }
            List<Integer> keptIndex = dtIndex.subList(0, Math.min(maxDet, dtIndex.size()));
            List<CocoAnnotation> cellGt = gtIndex.stream().map(truth::get).toList();
            List<CocoDetection> cellDt = keptIndex.stream().map(detections::get).toList();
            double[][] ious = BoxIou.matrix(cellDt, cellGt);
            for (int a = 0; a < numA; a++) {
                evals[k][a][0] = ImageEvaluation.match(cellGt, cellDt, ious, EvalParams.AREA_RANGES[a]);
            }
            ImageEvaluation all = evals[k][EvalParams.ALL][0];
            for (int t = 0; t < numT; t++) {
                for (int j = 0; j < keptIndex.size(); j++) {
                    int d = keptIndex.get(j);
                    int g = all.dtGt[t][j];
                    if (g < 0) {
                        continue;
                    }
                    matchedGt[t][d] = gtIndex.get(g);
                    matchIou[t][d] = ious[j][g];
                    boolean crowd = cellGt.get(g).crowd();
                    outcomes[t][d] = crowd ? Outcome.IGNORED : Outcome.TP;
                    if (!crowd) {
                        gtMatchScore[t][gtIndex.get(g)] = detections.get(d).score();
                    }
                }
            }
        }
        CocoMetrics metrics = CocoEvaluator.accumulate(categories,
                new CocoEvaluator.Matching(new long[] {0}, evals)).metrics();
        return new ImageMatching(detections, truth, matchedGt, matchIou, outcomes, gtMatchScore, metrics);
    }

    private static int thresholdIndex(double iou) {
        double[] ts = EvalParams.IOU_THRESHOLDS;
        for (int t = 0; t < ts.length; t++) {
            if (Math.abs(ts[t] - iou) < 1e-9) {
                return t;
            }
        }
        throw new IllegalArgumentException("IoU " + iou + " is not one of COCO's thresholds 0.50:0.05:0.95");
    }

    /** The detections, in the order given. */
    public List<CocoDetection> detections() {
        return detections;
    }

    /** The GT, in the order given. */
    public List<CocoAnnotation> groundTruth() {
        return gts;
    }

    /** What detection {@code d} is at IoU threshold {@code iou} (one of {@link #iouThresholds}). */
    public Outcome outcome(int d, double iou) {
        return outcomes[thresholdIndex(iou)][d];
    }

    /** The GT (index into {@link #groundTruth}) detection {@code d} matched, or -1. */
    public int matchedGt(int d, double iou) {
        return matchedGt[thresholdIndex(iou)][d];
    }

    /** The IoU of detection {@code d} with the GT it matched (0 when it matched none). */
    public double matchIou(int d, double iou) {
        return matchIou[thresholdIndex(iou)][d];
    }

    /**
     * True when regular GT {@code g} is matched by a detection scoring at least {@code minScore}:
     * false for a missed object (an FN at that score threshold) and for a crowd region.
     */
    public boolean found(int g, double iou, double minScore) {
        double s = gtMatchScore[thresholdIndex(iou)][g];
        return !Double.isNaN(s) && s >= minScore;
    }

    /** TP, FP, FN of the detections scoring at least {@code minScore}, at IoU threshold {@code iou}. */
    public Counts counts(double iou, double minScore) {
        int t = thresholdIndex(iou);
        int tp = 0;
        int fp = 0;
        for (int d = 0; d < detections.size(); d++) {
            if (detections.get(d).score() < minScore) {
                continue;
            }
            switch (outcomes[t][d]) {
                case TP -> tp++;
                case FP -> fp++;
                default -> { }
            }
        }
        int fn = 0;
        for (int g = 0; g < gts.size(); g++) {
            if (!gts.get(g).crowd() && !found(g, iou, minScore)) {
                fn++;
            }
        }
        return new Counts(tp, fp, fn);
    }

    /**
     * The image's own COCO numbers over all its detections (AP is -1 when the image has no regular
     * GT: there is nothing to find, as pycocotools says for a category).
     */
    public CocoMetrics metrics() {
        return metrics;
    }
}
