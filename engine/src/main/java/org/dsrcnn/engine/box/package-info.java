/**
 * Box arithmetic: IoU, GIoU, {@code xyxy} / {@code cxcywh} conversions and normalisation by the image
 * size, on plain Java arrays ({@link org.dsrcnn.engine.box.BoxOps}: the matchers, NMS and
 * post-processing) and on NDArrays ({@link org.dsrcnn.engine.box.NdBoxOps}: the differentiable
 * losses and the model).
 *
 * <p>Formats: {@code xyxy} = (x1, y1, x2, y2) corners in pixels of the image named by the caller;
 * {@code cxcywh} = (centre x, centre y, width, height), either in pixels or normalised to [0, 1] by the
 * image width and height.
 */
package org.dsrcnn.engine.box;
