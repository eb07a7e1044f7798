/** Inference: image to trace, post-processing (top-k, NMS, clipping), the detector service. */
package org.dsrcnn.engine.infer;
