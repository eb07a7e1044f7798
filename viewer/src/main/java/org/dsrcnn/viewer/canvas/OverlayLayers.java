package org.dsrcnn.viewer.canvas;

/**
 * Which overlay layers are drawn; each toggles independently.
 *
 * @param detections final detections with {@code label (score)} tags
 * @param groundTruth GT boxes (when the image has annotations)
 * @param stageBoxes every proposal's box at the selected stage
 * @param trails each proposal's path (box centres) through the stages
 * @param expertBoxes each DPG expert's candidate box for the selected proposal
 */
public record OverlayLayers(
        boolean detections, boolean groundTruth, boolean stageBoxes, boolean trails, boolean expertBoxes) {

    /** The layers shown at start-up. */
    public static final OverlayLayers DEFAULT = new OverlayLayers(true, true, false, false, true);

    /** Every layer on. */
    public static final OverlayLayers ALL = new OverlayLayers(true, true, true, true, true);
}
