/**
 * Plain-data records of one forward pass (per-stage boxes and logits, DPG expert weights, final
 * detections): the contract between the engine and the viewer, and the JSON trace format.
 */
package org.dsrcnn.engine.trace;
