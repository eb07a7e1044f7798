package org.dsrcnn.viewer.canvas;

import java.util.Map;

/**
 * What one call of {@link OverlayRenderer#render} drew: a count per layer name, so tests and the
 * status bar can tell what is on screen without reading pixels.
 *
 * @param stage the stage whose boxes were drawn
 * @param counts per layer name, how many things it drew
 */
public record RenderedFrame(int stage, Map<String, Integer> counts) {

    /** A frame that drew no overlay. */
    public static final RenderedFrame NONE = new RenderedFrame(0, Map.of());

    public RenderedFrame {
        counts = Map.copyOf(counts);
    }

    /** What the layer named {@code layer} drew (0 when it is not on the canvas). */
    public int count(String layer) {
        return counts.getOrDefault(layer, 0);
    }

    /** Proposal boxes drawn for the stage layer. */
    public int stageBoxes() {
        return count("stageBoxes");
    }

    /** Detection boxes drawn. */
    public int detections() {
        return count("detections");
    }

    /** Trail polylines drawn. */
    public int trails() {
        return count("trails");
    }

    /** GT boxes drawn. */
    public int groundTruth() {
        return count("groundTruth");
    }

    /** Expert candidate boxes drawn for the selected proposal. */
    public int expertBoxes() {
        return count("expertBoxes");
    }

    /** Boxes drawn for the selected proposal (one per stage), 0 without selection. */
    public int selectedBoxes() {
        return count("selection");
    }
}
