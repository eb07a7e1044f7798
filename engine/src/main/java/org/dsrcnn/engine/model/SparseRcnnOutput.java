package org.dsrcnn.engine.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * Everything one forward pass of {@link SparseRcnn} produces. Boxes are xyxy in input pixels (the
 * resized, unpadded image the network saw).
 *
 * @param stages T per-stage outputs (logits (B, N, K), boxes (B, N, 4)); the last is the detection
 * @param proposalBoxes (B, N, 4) the boxes entering stage 1
 * @param expertWeights (B, N, Ne) DPG mixing weights, or null without DPG
 * @param expertBoxes (B, Ne, N, 4) every DPG expert's boxes, or null without DPG
 * @param timingsMs wall time per part in milliseconds ("backbone" = ResNet + FPN, "proposals",
 *     "stage1".."stageT", "total"), empty unless timing is enabled on the model
 */
public record SparseRcnnOutput(
        List<StageOutput> stages,
        NDArray proposalBoxes,
        NDArray expertWeights,
        NDArray expertBoxes,
        Map<String, Double> timingsMs) {

    /** The last stage's output (the detection). */
    public StageOutput last() {
        return stages.get(stages.size() - 1);
    }
}
