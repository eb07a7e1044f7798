package org.dsrcnn.app.evaluation;

import java.nio.file.Path;
import org.dsrcnn.engine.eval.ImageMatching;

/**
 * One image of an evaluated dataset, as the image table lists it.
 *
 * @param index its position in the browsed list (what opening it selects)
 * @param file the image file
 * @param imageId its COCO id
 * @param ap its own AP @[0.50:0.95] (-1 without GT: nothing to find)
 * @param ap50 its own AP @[0.50]
 * @param tp true positives of the detections at or above the score threshold, at the IoU
 * @param fp false positives, the same
 * @param fn missed GT, the same
 * @param matching the image's matching (for other thresholds)
 */
public record ImageRow(int index, Path file, long imageId, double ap, double ap50, int tp, int fp, int fn,
        ImageMatching matching) {

    /** The row read at other thresholds. */
    public ImageRow at(double iou, double minScore) {
        ImageMatching.Counts c = matching.counts(iou, minScore);
        return new ImageRow(index, file, imageId, ap, ap50, c.tp(), c.fp(), c.fn(), matching);
    }
}
