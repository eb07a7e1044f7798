package org.dsrcnn.viewer.canvas;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Drag pans; a click (press and release within a few pixels) on a box selects its proposal, on
 * empty space clears the selection (see {@link DetectionCanvas#pickAt}).
 */
public final class PanSelectTool implements CanvasTool {

    /** How far (view px) the mouse may move between press and release for a click. */
    static final double DRAG_SLOP = 4.0;

    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;

    @Override
    public void pressed(DetectionCanvas canvas, MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        lastX = e.getX();
        lastY = e.getY();
        dragging = false;
    }

    @Override
    public void dragged(DetectionCanvas canvas, MouseEvent e) {
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) > DRAG_SLOP) {
            dragging = true;
        }
        if (dragging) {
            canvas.panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
        }
    }

    @Override
    public void released(DetectionCanvas canvas, MouseEvent e) {
        if (!dragging && e.getButton() == MouseButton.PRIMARY) {
            canvas.selectedProposalProperty().set(canvas.pickAt(e.getX(), e.getY()));
        }
        dragging = false;
    }
}
