/**
 * The dynamic head of Sparse R-CNN: T independent {@link org.dsrcnn.engine.model.head.RcnnStage}s,
 * each pooling its boxes' RoI features, letting the proposals attend to each other, mixing them with
 * the RoI features through a {@link org.dsrcnn.engine.model.head.DynamicConv}, and predicting class
 * logits and box deltas ({@link org.dsrcnn.engine.model.head.BoxDeltaCoder}).
 */
package org.dsrcnn.engine.model.head;
