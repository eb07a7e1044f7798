/**
 * The Explorer page: an image's detections, the six stages, trails and the DPG expert panel, and
 * the detections against the image's GT. {@link org.dsrcnn.app.explorer.ExplorerPage} is the view
 * (layout and bindings), {@link org.dsrcnn.app.explorer.ExplorerViewModel} its state (threshold,
 * NMS, top-k, layers, hidden classes, exports); {@link org.dsrcnn.app.explorer.GroundTruthMarks} is
 * the image's COCO matching as plain data, drawn by {@code MarksLayer} and summed up by
 * {@code GroundTruthPanel}.
 */
package org.dsrcnn.app.explorer;
