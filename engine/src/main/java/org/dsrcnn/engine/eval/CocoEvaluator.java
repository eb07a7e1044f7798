package org.dsrcnn.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.data.CocoAnnotation;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.CocoImage;
import org.dsrcnn.engine.data.DatasetException;
import org.dsrcnn.engine.data.ValidationReport;

/**
 * COCO box evaluation with the semantics of pycocotools' {@code COCOeval} ({@code iouType="bbox"},
 * default parameters): per category and image, detections sorted by score (stable) and cut to 100,
 * greedily matched at IoU 0.50:0.05:0.95 ({@link ImageEvaluation}); then per category, area range and
 * detection cap, all images' detections pooled, sorted by score (stable, images in ascending id
 * order), precision made monotone from the right and read at 101 recall points; finally averaged
 * over categories, thresholds and recall points, leaving out the -1 of categories without GT.
 *
 * <p>The images are all images of the ground truth, the categories all its categories.
 * Detections on an image or a category the ground truth does not have are an error (pycocotools
 * fails on the first and silently drops the second; both are usually a mapping bug).
 */
public final class CocoEvaluator {

    private CocoEvaluator() {}

    /**
     * Evaluates detections against a ground truth.
     *
     * @param gt the ground truth (all its annotations, crowd included)
     * @param dt detections in original-image pixels, any order
     * @throws DatasetException when a detection names an unknown image or category
     */
    public static CocoMetrics evaluate(CocoDataset gt, List<CocoDetection> dt) {
        return accumulate(gt, matchAll(gt, dt)).metrics();
    }

    /** Per (category, area range, image) matching results; null where there is nothing to match. */
    record Matching(long[] imageIds, ImageEvaluation[][][] byCategoryAreaImage) {}

    static Matching matchAll(CocoDataset gt, List<CocoDetection> dt) {
        long[] imageIds = gt.images().stream().mapToLong(CocoImage::id).sorted().toArray();
        Map<Long, Integer> imageIndex = new HashMap<>();
        for (int i = 0; i < imageIds.length; i++) {
            imageIndex.put(imageIds[i], i);
        }
        int numImages = imageIds.length;
        int numCategories = gt.numClasses();
        checkDetections(gt, dt, imageIndex);

        List<List<CocoAnnotation>> gtCells = new ArrayList<>();
        List<List<CocoDetection>> dtCells = new ArrayList<>();
        for (int c = 0; c < numImages * numCategories; c++) {
            gtCells.add(null);
            dtCells.add(null);
        }
        for (CocoAnnotation a : gt.annotations()) {
            int cell = gt.labelOf(a.categoryId()) * numImages + imageIndex.get(a.imageId());
            cellList(gtCells, cell).add(a);
        }
        for (CocoDetection d : dt) {
            int cell = gt.labelOf(d.categoryId()) * numImages + imageIndex.get(d.imageId());
            cellList(dtCells, cell).add(d);
        }

        int numAreas = EvalParams.AREA_RANGES.length;
        int maxDet = EvalParams.MAX_DETS[EvalParams.MAX_DETS.length - 1];
        ImageEvaluation[][][] evals = new ImageEvaluation[numCategories][numAreas][numImages];
        for (int k = 0; k < numCategories; k++) {
            for (int i = 0; i < numImages; i++) {
                int cell = k * numImages + i;
                List<CocoAnnotation> gts = gtCells.get(cell) == null ? List.of() : gtCells.get(cell);
                List<CocoDetection> dts = dtCells.get(cell) == null ? new ArrayList<>() : dtCells.get(cell);
                if (gts.isEmpty() && dts.isEmpty()) {
                    continue;
                }
                dts.sort((p, q) -> byScoreDescending(p.score(), q.score())); // List.sort is stable
                List<CocoDetection> kept = dts.size() > maxDet ? dts.subList(0, maxDet) : dts;
                double[][] ious = BoxIou.matrix(kept, gts);
                for (int a = 0; a < numAreas; a++) {
                    evals[k][a][i] = ImageEvaluation.match(gts, kept, ious, EvalParams.AREA_RANGES[a]);
                }
            }
        }
        return new Matching(imageIds, evals);
    }

    /** Precision (T,R,K,A,M) and recall (T,K,A,M), -1 where a category has no GT to find. */
    static Accumulation accumulate(CocoDataset gt, Matching matching) {
        return accumulate(gt.categories(), matching);
    }

    /** {@link #accumulate(CocoDataset, Matching)} for categories in label order (one image's evaluation). */
    static Accumulation accumulate(List<org.dsrcnn.engine.data.CocoCategory> categories, Matching matching) {
        int numT = EvalParams.IOU_THRESHOLDS.length;
        int numR = EvalParams.RECALL_THRESHOLDS.length;
        int numK = categories.size();
        int numA = EvalParams.AREA_RANGES.length;
        int numM = EvalParams.MAX_DETS.length;
        Accumulation acc = new Accumulation(categories, numT, numR, numK, numA, numM);
        for (int k = 0; k < numK; k++) {
            for (int a = 0; a < numA; a++) {
                ImageEvaluation[] perImage = matching.byCategoryAreaImage()[k][a];
                for (int m = 0; m < numM; m++) {
                    accumulateOne(acc, perImage, k, a, m);
                }
            }
        }
        return acc;
    }

    private static void accumulateOne(Accumulation acc, ImageEvaluation[] perImage, int k, int a, int m) {
        int maxDet = EvalParams.MAX_DETS[m];
        int total = 0;
        int numGtCounted = 0;
        boolean any = false;
        for (ImageEvaluation e : perImage) {
            if (e != null) {
                any = true;
                total += Math.min(maxDet, e.dtScores.length);
                for (boolean ignore : e.gtIgnore) {
                    numGtCounted += ignore ? 0 : 1;
                }
            }
        }
        if (!any || numGtCounted == 0) {
            return; // stays -1: nothing to find in this category and area range
        }
        int numT = acc.numT;
        double[] scores = new double[total];
        boolean[][] matched = new boolean[numT][total];
        boolean[][] ignored = new boolean[numT][total];
        int at = 0;
        for (ImageEvaluation e : perImage) {
            if (e == null) {
                continue;
            }
            int n = Math.min(maxDet, e.dtScores.length);
            System.arraycopy(e.dtScores, 0, scores, at, n);
            for (int t = 0; t < numT; t++) {
                System.arraycopy(e.dtMatched[t], 0, matched[t], at, n);
                System.arraycopy(e.dtIgnore[t], 0, ignored[t], at, n);
            }
            at += n;
        }
        Integer[] order = new Integer[total];
        for (int d = 0; d < total; d++) {
            order[d] = d;
        }
        Arrays.sort(order, (p, q) -> byScoreDescending(scores[p], scores[q])); // stable (TimSort)

        double[] recallPoints = EvalParams.RECALL_THRESHOLDS;
        double eps = Math.ulp(1.0); // numpy.spacing(1)
        double[] recall = new double[total];
        double[] precision = new double[total];
        for (int t = 0; t < numT; t++) {
            double tp = 0;
            double fp = 0;
            for (int j = 0; j < total; j++) {
                int d = order[j];
                if (!ignored[t][d]) {
                    if (matched[t][d]) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
                recall[j] = tp / numGtCounted;
                precision[j] = tp / (fp + tp + eps);
            }
            acc.setRecall(t, k, a, m, total > 0 ? recall[total - 1] : 0);
            // monotone envelope: precision at recall r is the best precision at any recall >= r
            for (int j = total - 1; j > 0; j--) {
                if (precision[j] > precision[j - 1]) {
                    precision[j - 1] = precision[j];
                }
            }
            // first position whose recall reaches each recall point (searchsorted, side="left");
            // recall points never reached keep precision 0
            int j = 0;
            for (int r = 0; r < recallPoints.length; r++) {
                while (j < total && recall[j] < recallPoints[r]) {
                    j++;
                }
                acc.setPrecision(t, r, k, a, m, j < total ? precision[j] : 0);
            }
        }
    }

    private static void checkDetections(CocoDataset gt, List<CocoDetection> dt, Map<Long, Integer> imageIndex) {
        ValidationReport report = new ValidationReport("detections");
        for (int i = 0; i < dt.size(); i++) {
            CocoDetection d = dt.get(i);
            if (!imageIndex.containsKey(d.imageId())) {
                report.error("detection", "#" + i, "image_id " + d.imageId() + " is not in the ground truth "
                        + gt.annotationFile().getFileName());
            } else if (!gt.hasCategory(d.categoryId())) {
                report.error("detection", "#" + i, "category_id " + d.categoryId() + " is not in the ground truth "
                        + gt.annotationFile().getFileName());
            }
        }
        if (report.hasErrors()) {
            ValidationReport.Problem first = report.problems().get(0);
            int n = report.problems().size();
            throw new DatasetException("detection " + first.id() + ": " + first.reason()
                    + (n > 1 ? " (and " + (n - 1) + " more bad detections)" : ""), report);
        }
    }

    /** Best score first; equal scores (0.0 and -0.0 included, as numpy) keep their order. */
    static int byScoreDescending(double p, double q) {
        return p > q ? -1 : p < q ? 1 : 0;
    }

    private static <T> List<T> cellList(List<List<T>> cells, int cell) {
        List<T> list = cells.get(cell);
        if (list == null) {
            list = new ArrayList<>();
            cells.set(cell, list);
        }
        return list;
    }
}
