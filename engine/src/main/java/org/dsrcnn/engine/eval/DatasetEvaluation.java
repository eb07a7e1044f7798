package org.dsrcnn.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.data.CocoCategory;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.CocoImage;

/**
 * {@link CocoEvaluator}'s result with what a viewer shows next to the 12 numbers: each category's
 * precision-recall curve (pycocotools' {@code eval['precision']} at one IoU threshold, area all,
 * 100 detections) and each image's own {@link ImageMatching}. The 12 numbers are the evaluator's,
 * from the same matching, so they equal {@code dsrcnn eval} on the same detections.
 *
 * @param metrics the 12 COCO numbers and AP per category
 * @param curves per category (label order), precision at the 101 recall points 0:0.01:1, at IoU
 *     0.50 and 0.75
 * @param images per image id (ascending), its matching and own COCO numbers
 */
public record DatasetEvaluation(CocoMetrics metrics, List<PrCurve> curves, Map<Long, ImageMatching> images) {

    /**
     * One category's precision-recall curve.
     *
     * @param categoryId the category id
     * @param name its name
     * @param precision50 precision at recall 0, 0.01, ..., 1 at IoU 0.50, -1 everywhere when the
     *     category has no GT
     * @param precision75 the same at IoU 0.75
     */
    public record PrCurve(int categoryId, String name, double[] precision50, double[] precision75) {}

    /** The recall points the curves are read at: 0, 0.01, ..., 1. */
    public static double[] recallPoints() {
        return EvalParams.RECALL_THRESHOLDS.clone();
    }

    /**
     * Evaluates detections against a ground truth (all its images and categories).
     *
     * @throws org.dsrcnn.engine.data.DatasetException when a detection names an unknown image or category
     */
    public static DatasetEvaluation evaluate(CocoDataset gt, List<CocoDetection> dt) {
        Accumulation acc = CocoEvaluator.accumulate(gt, CocoEvaluator.matchAll(gt, dt));
        List<PrCurve> curves = new ArrayList<>();
        int last = acc.numM - 1;
        for (int k = 0; k < acc.numK; k++) {
            double[] p50 = new double[acc.numR];
            double[] p75 = new double[acc.numR];
            for (int r = 0; r < acc.numR; r++) {
                p50[r] = acc.precision(0, r, k, EvalParams.ALL, last);
                p75[r] = acc.precision(5, r, k, EvalParams.ALL, last);
            }
            CocoCategory c = gt.categories().get(k);
            curves.add(new PrCurve(c.id(), c.name(), p50, p75));
        }
        Map<Long, List<CocoDetection>> byImage = new LinkedHashMap<>();
        for (CocoDetection d : dt) {
            byImage.computeIfAbsent(d.imageId(), id -> new ArrayList<>()).add(d);
        }
        Map<Long, ImageMatching> images = new LinkedHashMap<>();
        gt.images().stream().mapToLong(CocoImage::id).sorted().forEach(id -> images.put(id,
                ImageMatching.of(gt.categories(), gt.annotations(id), byImage.getOrDefault(id, List.of()))));
        return new DatasetEvaluation(acc.metrics(), List.copyOf(curves), images);
    }
}
