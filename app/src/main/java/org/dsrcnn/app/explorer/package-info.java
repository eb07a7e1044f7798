/**
 * The Explorer page: an image's detections, the six stages, trails and the DPG expert panel.
 * {@link org.dsrcnn.app.explorer.ExplorerPage} is the view (layout and bindings), {@link
 * org.dsrcnn.app.explorer.ExplorerViewModel} its state (threshold, NMS, top-k, layers, exports).
 */
package org.dsrcnn.app.explorer;
