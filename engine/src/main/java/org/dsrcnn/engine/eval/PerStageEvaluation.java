package org.dsrcnn.engine.eval;

import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.infer.PostProcessor;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.StageTrace;

/**
 * COCO AP of every head stage evaluated as if it were the last (the paper's Figure 6): stage t's
 * logits and boxes go through the model's own post-processing (top-k, NMS when the model uses it)
 * and are scored against the GT like the final detections. Collect one trace per image with
 * {@link #add}, then {@link #evaluate}.
 */
public final class PerStageEvaluation {

    private final CocoDataset gt;
    private final PostProcessor post;
    private final List<List<CocoDetection>> byStage = new ArrayList<>();
    private final List<Long> images = new ArrayList<>();

    /**
     * @param gt the ground truth (category ids, images)
     * @param post the model's post-processing
     */
    public PerStageEvaluation(CocoDataset gt, PostProcessor post) {
        this.gt = gt;
        this.post = post;
    }

    /** Adds one image's trace (boxes in original pixels, as traces hold them). */
    public void add(long imageId, DetectionTrace trace) {
        int stages = trace.numStages();
        while (byStage.size() < stages) {
            byStage.add(new ArrayList<>());
        }
        images.add(imageId);
        for (int t = 1; t <= stages; t++) {
            StageTrace st = trace.stages().get(t);
            List<Detection> dets = post.process(st.logits(), st.boxes(), 1, 1, trace.imageWidth(), trace.imageHeight());
            for (Detection d : dets) {
                float[] b = d.box();
                byStage.get(t - 1).add(CocoDetection.fromXyxy(imageId, gt.categoryIdOf(d.label()), b[0], b[1], b[2],
                        b[3], d.score()));
            }
        }
    }

    /** Per stage (index t-1), the 12 COCO numbers on the images added. */
    public List<CocoMetrics> evaluate() {
        CocoDataset subset = gt.onlyImages(images);
        List<CocoMetrics> out = new ArrayList<>();
        for (List<CocoDetection> dets : byStage) {
            out.add(CocoEvaluator.evaluate(subset, dets));
        }
        return out;
    }
}
