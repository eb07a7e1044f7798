package org.dsrcnn.viewer.canvas;

import java.util.List;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;

/**
 * Everything the overlay shows, as plain data: one immutable snapshot per frame.
 *
 * @param trace the cached trace of the image, or null before the first analysis
 * @param stage the selected stage 0..T (0 = proposals entering stage 1)
 * @param detections the detections to draw (already filtered by score, NMS, top-k), boxes xyxy
 *     original-image px
 * @param groundTruth GT boxes, xyxy original-image px
 * @param layers which layers are on
 * @param selectedProposal the selected proposal index, or -1
 */
public record OverlayState(
        DetectionTrace trace,
        int stage,
        List<Detection> detections,
        LabeledBoxes groundTruth,
        OverlayLayers layers,
        int selectedProposal) {

    /** Nothing but the image. */
    public static final OverlayState EMPTY =
            new OverlayState(null, 0, List.of(), LabeledBoxes.EMPTY, OverlayLayers.DEFAULT, -1);
}
