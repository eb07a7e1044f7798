package org.dsrcnn.viewer.canvas;

/**
 * What {@link BoxEditTool} edits: a list of boxes (xyxy, image px) with a selection, owned by a
 * view-model that keeps the undo history. Drags call {@link #preview} on every mouse move and one
 * of {@link #commitMove} / {@link #create} at the end, so one drag is one undo step.
 */
public interface BoxEditTarget {

    /** The current boxes (read-only view). */
    float[][] boxes();

    /** The selected box, or -1. */
    int selected();

    void select(int index);

    /** Shows box {@code index} at {@code box} during a drag, without an undo step. */
    void preview(int index, float[] box);

    /** Ends a move or resize of box {@code index} from {@code before} to {@code after}: one undo step. */
    void commitMove(int index, float[] before, float[] after);

    /** Shows the box being drawn (null: none). */
    void previewNew(float[] box);

    /** Adds a drawn box: one undo step; it becomes the selection. */
    void create(float[] box);

    /** The image size, to keep boxes inside it: {width, height}. */
    double[] imageSize();
}
