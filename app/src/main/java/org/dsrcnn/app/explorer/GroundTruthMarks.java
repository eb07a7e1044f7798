package org.dsrcnn.app.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dsrcnn.engine.data.CocoAnnotation;
import org.dsrcnn.engine.data.CocoCategory;
import org.dsrcnn.engine.eval.CocoDetection;
import org.dsrcnn.engine.eval.ImageMatching;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.viewer.canvas.LabeledBoxes;

/**
 * The detections of one image against its GT, as COCO evaluation sees them: the engine's {@link
 * ImageMatching} (greedy by score, crowd as ignore) on the image's detections in model-label space,
 * read at one IoU threshold and one score threshold. Plain data, made off nothing but arrays.
 *
 * @param detections every post-processed detection of the image (the AP uses all of them)
 * @param groundTruth the regular GT boxes (labels of the model; -1 = a class it does not know)
 * @param matching detections {@code 0..n-1}, then GT {@code 0..m-1} followed by the crowd regions
 * @param iou the IoU threshold the marks are read at (one of COCO's 0.50:0.05:0.95)
 * @param minScore the score threshold: detections below it are not shown, so not counted
 */
public record GroundTruthMarks(List<Detection> detections, LabeledBoxes groundTruth, ImageMatching matching,
        double iou, double minScore) {

    /**
     * Matches an image.
     *
     * @param crowd crowd regions (ignore regions), may be empty
     * @param classNames the model's classes (categories = labels)
     */
    public static GroundTruthMarks of(List<Detection> detections, LabeledBoxes gt, LabeledBoxes crowd,
            List<String> classNames, double iou, double minScore) {
        List<CocoCategory> categories = new ArrayList<>();
        for (int k = 0; k < classNames.size(); k++) {
            categories.add(new CocoCategory(k, classNames.get(k)));
        }
        List<CocoAnnotation> gts = new ArrayList<>();
        for (int g = 0; g < gt.size(); g++) {
            gts.add(annotation(g, gt.boxes()[g], gt.labels()[g], false));
        }
        for (int c = 0; c < crowd.size(); c++) {
            gts.add(annotation(gt.size() + c, crowd.boxes()[c], crowd.labels()[c], true));
        }
        List<CocoDetection> dts = new ArrayList<>();
        for (Detection d : detections) {
            float[] b = d.box();
            dts.add(CocoDetection.fromXyxy(0, d.label(), b[0], b[1], b[2], b[3], d.score()));
        }
        return new GroundTruthMarks(List.copyOf(detections), gt, ImageMatching.of(categories, gts, dts), iou, minScore);
    }

    private static CocoAnnotation annotation(long id, float[] b, int label, boolean crowd) {
        double w = b[2] - b[0];
        double h = b[3] - b[1];
        return new CocoAnnotation(id, 0, label, b[0], b[1], w, h, w * h, crowd);
    }

    /** What detection {@code i} (of {@link #detections}) is at {@link #iou}. */
    public ImageMatching.Outcome outcome(int i) {
        return matching.outcome(i, iou);
    }

    /** The IoU with the GT detection {@code i} matched (0 when none). */
    public double matchIou(int i) {
        return matching.matchIou(i, iou);
    }

    /** The regular GT box detection {@code i} matched, or -1 (also for a crowd region). */
    public int matchedGt(int i) {
        int g = matching.matchedGt(i, iou);
        return g < groundTruth.size() ? g : -1;
    }

    /** True when regular GT box {@code g} is found by a shown detection; false = a miss (FN). */
    public boolean found(int g) {
        return matching.found(g, iou, minScore);
    }

    /** TP, FP and FN among the shown detections. */
    public ImageMatching.Counts counts() {
        return matching.counts(iou, minScore);
    }

    /** "TP · IoU 0.83 with GT #2 (triangle)" for the best shown detection of a proposal, or "". */
    public String describe(int proposal, List<String> classNames) {
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            if (d.proposal() != proposal || d.score() < minScore) {
                continue;
            }
            return switch (outcome(i)) {
                case TP -> {
                    int g = matchedGt(i);
                    int l = groundTruth.labels()[g];
                    yield String.format(Locale.ROOT, "TP · IoU %.2f with GT #%d (%s)", matchIou(i), g,
                            l >= 0 && l < classNames.size() ? classNames.get(l) : "?");
                }
                case FP -> String.format(Locale.ROOT, "FP at IoU %.2f", iou);
                case IGNORED -> "on a crowd region: not counted";
                case NOT_EVALUATED -> "beyond the 100 best of its class: not evaluated";
            };
        }
        return "";
    }
}
