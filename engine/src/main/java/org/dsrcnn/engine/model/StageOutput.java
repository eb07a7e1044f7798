package org.dsrcnn.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * What one head stage predicts for a batch.
 *
 * @param logits (B, N, K) class logits (sigmoid focal classification, no background column)
 * @param boxes (B, N, 4) xyxy in input pixels (the resized, unpadded image the network saw)
 */
public record StageOutput(NDArray logits, NDArray boxes) {}
