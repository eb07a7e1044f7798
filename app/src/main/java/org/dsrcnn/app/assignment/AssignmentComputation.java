package org.dsrcnn.app.assignment;

import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.assign.Assignment;
import org.dsrcnn.engine.assign.HungarianMatcher;
import org.dsrcnn.engine.assign.LabelMatcher;
import org.dsrcnn.engine.assign.MatchProblem;
import org.dsrcnn.engine.assign.OtaMatcher;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.viewer.canvas.LabeledBoxes;

/**
 * Runs the training code's matchers ({@code engine/assign}) on a trace's stage-t boxes and logits
 * against the page's GT boxes: what training would do with these boxes. Plain Java, any thread.
 *
 * <p>The trace keeps boxes in original-image pixels while training matches in resized input
 * pixels; the resize keeps the aspect ratio, and every part of the cost is scale-free (focal on
 * logits, L1 of boxes divided by the image size, GIoU, IoU for dynamic k), so the problem is posed
 * in original pixels with the original image size and gives the same assignment.
 */
public final class AssignmentComputation {

    private AssignmentComputation() {}

    /** The stage-t problem for the GT boxes whose class the model knows. */
    public static MatchProblem problem(DetectionTrace trace, LabeledBoxes gt, int stage, int[] gtIndexOut) {
        List<float[]> boxes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int k = trace.classNames().size();
        int kept = 0;
        for (int i = 0; i < gt.size(); i++) {
            int label = gt.labels()[i];
            if (label >= 0 && label < k) {
                boxes.add(gt.boxes()[i]);
                labels.add(label);
                if (gtIndexOut != null) {
                    gtIndexOut[kept] = i;
                }
                kept++;
            }
        }
        var st = trace.stages().get(stage);
        return new MatchProblem(st.logits(), st.boxes(), boxes.toArray(new float[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray(), trace.imageWidth(), trace.imageHeight(),
                stage, trace.numStages());
    }

    /**
     * Every assignment the page shows.
     *
     * @param stage 1..T (stage 0 has no logits: callers pass max(1, stage))
     * @param loss the matching-cost weights (the model's loss section)
     */
    public static AssignmentResult compute(DetectionTrace trace, LabeledBoxes gt, int stage, MatcherSettings settings,
            DsrcnnConfig.Loss loss) {
        return compute(trace, gt, stage, settings, loss, null);
    }

    /**
     * As {@link #compute(DetectionTrace, LabeledBoxes, int, MatcherSettings, DsrcnnConfig.Loss)},
     * but while a box is dragged only stage t is matched (OTA and Hungarian: what the canvases and
     * the cost matrix show); the per-stage parts (positives chart, follow strip) are taken from
     * {@code previous}, the last full result, and become exact again at the end of the drag.
     *
     * @param previous the last full result, or null for a full computation
     */
    public static AssignmentResult compute(DetectionTrace trace, LabeledBoxes gt, int stage, MatcherSettings settings,
            DsrcnnConfig.Loss loss, AssignmentResult previous) {
        if (previous != null && previous.chosenPerStage().size() == trace.numStages()) {
            return stageOnly(trace, gt, stage, settings, loss, previous);
        }
        int stages = trace.numStages();
        int t = Math.max(1, Math.min(stage, stages));
        MatcherSettings otaSettings = settings.kind() == MatcherSettings.Kind.HUNGARIAN
                ? settings.withKind(MatcherSettings.Kind.OTA_DYNAMIC_K) : settings;
        LabelMatcher ota = new OtaMatcher(otaSettings.toConfig(), loss);
        LabelMatcher hungarian = new HungarianMatcher(loss);
        boolean chosenIsOta = settings.kind() != MatcherSettings.Kind.HUNGARIAN;
        int[] gtIndex = new int[gt.size()];
        List<Assignment> otaPerStage = new ArrayList<>();
        List<Assignment> hungarianPerStage = new ArrayList<>();
        int[] otaPositives = new int[stages];
        int[] hungarianPositives = new int[stages];
        int kept = 0;
        for (int s = 1; s <= stages; s++) {
            MatchProblem p = problem(trace, gt, s, gtIndex);
            kept = p.numGt();
            Assignment a = ota.match(p);
            Assignment h = hungarian.match(p);
            otaPerStage.add(a);
            hungarianPerStage.add(h);
            otaPositives[s - 1] = a.positives();
            hungarianPositives[s - 1] = h.positives();
        }
        List<Assignment> chosen = chosenIsOta ? otaPerStage : hungarianPerStage;
        return new AssignmentResult(t, chosen.get(t - 1), otaPerStage.get(t - 1), hungarianPerStage.get(t - 1),
                List.copyOf(chosen), otaPositives, hungarianPositives, java.util.Arrays.copyOf(gtIndex, kept),
                gt.size() - kept);
    }

    private static AssignmentResult stageOnly(DetectionTrace trace, LabeledBoxes gt, int stage,
            MatcherSettings settings, DsrcnnConfig.Loss loss, AssignmentResult previous) {
        int t = Math.max(1, Math.min(stage, trace.numStages()));
        MatcherSettings otaSettings = settings.kind() == MatcherSettings.Kind.HUNGARIAN
                ? settings.withKind(MatcherSettings.Kind.OTA_DYNAMIC_K) : settings;
        int[] gtIndex = new int[gt.size()];
        MatchProblem p = problem(trace, gt, t, gtIndex);
        Assignment ota = new OtaMatcher(otaSettings.toConfig(), loss).match(p);
        Assignment hungarian = new HungarianMatcher(loss).match(p);
        Assignment chosen = settings.kind() == MatcherSettings.Kind.HUNGARIAN ? hungarian : ota;
        List<Assignment> perStage = new ArrayList<>(previous.chosenPerStage());
        perStage.set(t - 1, chosen);
        int[] otaPositives = previous.otaPositives().clone();
        int[] hungarianPositives = previous.hungarianPositives().clone();
        otaPositives[t - 1] = ota.positives();
        hungarianPositives[t - 1] = hungarian.positives();
        return new AssignmentResult(t, chosen, ota, hungarian, List.copyOf(perStage), otaPositives,
                hungarianPositives, java.util.Arrays.copyOf(gtIndex, p.numGt()), gt.size() - p.numGt());
    }
}
