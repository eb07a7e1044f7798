package org.dsrcnn.viewer.canvas;

/**
 * One layer of the canvas overlay, drawn over the image in the order the layers were added. A
 * layer is a plain object: the built-in ones ({@link DetectionsLayer}, {@link GroundTruthLayer},
 * ...) draw from the frame's shared {@link OverlayState}; a page adds its own with {@link
 * DetectionCanvas#addLayer} (e.g. the Assignment page's lines from each GT to its positives), keeps
 * its data in the layer and calls the repaint it is given when that data changes.
 */
public interface OverlayLayer {

    /** A short unique name; {@link RenderedFrame#count} reports what the layer drew under it. */
    String name();

    /**
     * Draws the layer.
     *
     * @return how many things were drawn (boxes, lines), 0 when off or without data
     */
    int draw(FrameContext frame);

    /** Called once when the layer is added to a canvas: run {@code repaint} after a data change. */
    default void attach(Runnable repaint) {}
}
