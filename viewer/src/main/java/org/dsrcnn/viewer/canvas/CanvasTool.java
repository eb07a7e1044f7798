package org.dsrcnn.viewer.canvas;

import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;

/**
 * What the mouse does on a {@link DetectionCanvas}: pan and select ({@link PanSelectTool}, the
 * default), or draw and edit boxes ({@link BoxEditTool}). The canvas forwards its mouse events to
 * the current tool; the wheel always zooms at the cursor. Coordinates are the canvas's local
 * (view) pixels; {@link DetectionCanvas#viewTransform()} maps them to image pixels.
 */
public interface CanvasTool {

    default void pressed(DetectionCanvas canvas, MouseEvent e) {}

    default void dragged(DetectionCanvas canvas, MouseEvent e) {}

    default void released(DetectionCanvas canvas, MouseEvent e) {}

    default void moved(DetectionCanvas canvas, MouseEvent e) {}

    /** Abandons a drag in progress (Escape); true when there was one. */
    default boolean cancel(DetectionCanvas canvas) {
        return false;
    }

    /** The cursor over the canvas at view point (x, y). */
    default Cursor cursorAt(DetectionCanvas canvas, double x, double y) {
        return Cursor.DEFAULT;
    }
}
