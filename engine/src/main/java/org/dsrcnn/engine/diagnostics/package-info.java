/**
 * Measurements of what a trained model does, beyond accuracy: how image-dependent Dynamic Proposal
 * Generation's expert mix is ({@link org.dsrcnn.engine.diagnostics.DpgStatistics}), used by {@code
 * dsrcnn dpg-stats} and logged by the trainer.
 */
package org.dsrcnn.engine.diagnostics;
