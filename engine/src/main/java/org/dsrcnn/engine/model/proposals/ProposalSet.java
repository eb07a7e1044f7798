package org.dsrcnn.engine.model.proposals;

import ai.djl.ndarray.NDArray;

/**
 * The proposals for a batch.
 *
 * @param boxes (B, N, 4) xyxy input pixels
 * @param features (B, N, C)
 * @param expertWeights (B, N, Ne) softmax weights of the experts per proposal, or null (static)
 * @param expertBoxes (B, Ne, N, 4) every expert's boxes, xyxy input pixels, or null (static)
 */
public record ProposalSet(NDArray boxes, NDArray features, NDArray expertWeights, NDArray expertBoxes) {}
