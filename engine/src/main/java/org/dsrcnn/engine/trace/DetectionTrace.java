package org.dsrcnn.engine.trace;

import java.util.List;
import java.util.Map;

/**
 * Everything one forward pass of the detector shows about one image, as plain data: what the
 * explorer draws and what {@code dsrcnn infer --trace} writes. No NDArrays, no model references.
 *
 * @param imageWidth original image width in pixels
 * @param imageHeight original image height in pixels
 * @param classNames K class names, indexed by label
 * @param stages T + 1 entries: index 0 = proposals entering stage 1, index t = stage t's output
 * @param experts the DPG mix, or {@code null} for a model with static learned proposals
 * @param detections final post-processed detections (top-k, optional NMS), best first
 * @param timingsMs wall time per part: "backbone", "proposals", "stage1".."stageT", "postprocess",
 *     "total"
 */
public record DetectionTrace(
        int imageWidth,
        int imageHeight,
        List<String> classNames,
        List<StageTrace> stages,
        ExpertTrace experts,
        List<Detection> detections,
        Map<String, Double> timingsMs) {

    /** Number of head stages T. */
    public int numStages() {
        return stages.size() - 1;
    }

    /** Number of proposals N. */
    public int numProposals() {
        return stages.get(0).size();
    }
}
