/**
 * Training curves fed plain arrays: TensorBoard's debiased EMA smoothing ({@link
 * org.dsrcnn.viewer.curves.EmaSmoothing}), min/max decimation for drawing ({@link
 * org.dsrcnn.viewer.curves.Decimation}), and a chart control that overlays several runs ({@link
 * org.dsrcnn.viewer.curves.CurveChart}, built on ChartFX).
 */
package org.dsrcnn.viewer.curves;
