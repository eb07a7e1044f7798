package org.dsrcnn.engine.trace;

/**
 * One final detection.
 *
 * @param proposal index of the proposal (0..N-1) that produced it, so the viewer can link a
 *     detection to its trail through the stages
 * @param label class index 0..K-1 (contiguous; the dataset maps it to a category id)
 * @param score sigmoid probability
 * @param box xyxy in original-image pixels
 */
public record Detection(int proposal, int label, float score, float[] box) {}
