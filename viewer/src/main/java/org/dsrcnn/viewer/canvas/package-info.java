/**
 * The image canvas: zoom and pan ({@link org.dsrcnn.viewer.canvas.ViewTransform}), the overlay
 * layers drawn from a cached trace ({@link org.dsrcnn.viewer.canvas.OverlayRenderer}), picking a
 * proposal under the cursor, and the control that puts them together.
 */
package org.dsrcnn.viewer.canvas;
