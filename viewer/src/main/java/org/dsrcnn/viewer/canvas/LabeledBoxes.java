package org.dsrcnn.viewer.canvas;

/**
 * Boxes with class labels, e.g. the ground truth of an image.
 *
 * @param boxes (M, 4) xyxy in original-image pixels
 * @param labels (M) class indices into the trace's class names (-1 = unknown class)
 */
public record LabeledBoxes(float[][] boxes, int[] labels) {

    /** No boxes. */
    public static final LabeledBoxes EMPTY = new LabeledBoxes(new float[0][], new int[0]);

    public LabeledBoxes {
        if (boxes.length != labels.length) {
            throw new IllegalArgumentException(
                    "boxes and labels differ in length: " + boxes.length + " vs " + labels.length);
        }
    }

    /** Number of boxes M. */
    public int size() {
        return boxes.length;
    }
}
