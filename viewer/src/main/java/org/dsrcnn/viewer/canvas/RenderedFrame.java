package org.dsrcnn.viewer.canvas;

/**
 * What one call of {@link OverlayRenderer#render} drew: counts per layer, so tests and the status
 * bar can tell what is on screen without reading pixels.
 *
 * @param stage the stage whose boxes were drawn
 * @param stageBoxes proposal boxes drawn for the stage layer
 * @param detections detection boxes drawn
 * @param trails trail polylines drawn
 * @param groundTruth GT boxes drawn
 * @param expertBoxes expert candidate boxes drawn for the selected proposal
 * @param selectedBoxes boxes drawn for the selected proposal (one per stage), 0 without selection
 */
public record RenderedFrame(
        int stage, int stageBoxes, int detections, int trails, int groundTruth, int expertBoxes, int selectedBoxes) {

    /** A frame that drew no overlay. */
    public static final RenderedFrame NONE = new RenderedFrame(0, 0, 0, 0, 0, 0, 0);
}
