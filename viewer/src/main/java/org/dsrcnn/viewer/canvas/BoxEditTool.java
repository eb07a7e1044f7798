package org.dsrcnn.viewer.canvas;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Draws and edits boxes, keyboard-first as in labelImg and CVAT: with {@link #drawModeProperty()}
 * on (key {@code w}), a drag draws a new box; otherwise a press on one of the selected box's eight
 * handles resizes it, on a box selects and drags it, on empty space clears the selection and
 * pans. {@link #cancel} (Escape) puts a dragged box back. Boxes stay inside the image; a drawn box
 * smaller than {@link #MIN_SIDE} image px is dropped (a click is not a box).
 */
public final class BoxEditTool implements CanvasTool {

    /** Smallest side (image px) of a drawn box. */
    public static final double MIN_SIDE = 2.0;

    /** Handle grab radius in view px. */
    static final double HANDLE_RADIUS = 6.0;

    private enum Mode { NONE, DRAW, MOVE, RESIZE, PAN }

    private final BoxEditTarget target;
    private final BooleanProperty drawMode = new SimpleBooleanProperty(this, "drawMode", false);
    private Mode mode = Mode.NONE;
    private int index = -1;
    private int handle = -1;
    private float[] original;
    private float[] current;
    private double startX;
    private double startY;
    private double lastViewX;
    private double lastViewY;

    public BoxEditTool(BoxEditTarget target) {
        this.target = target;
    }

    /** On: the next drag draws a new box (turns itself off after that box). */
    public BooleanProperty drawModeProperty() {
        return drawMode;
    }

    @Override
    public void pressed(DetectionCanvas canvas, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        ViewTransform t = canvas.viewTransform();
        startX = t.toImageX(e.getX());
        startY = t.toImageY(e.getY());
        lastViewX = e.getX();
        lastViewY = e.getY();
        if (drawMode.get()) {
            mode = Mode.DRAW;
            current = null;
            return;
        }
        float[][] boxes = target.boxes();
        int sel = target.selected();
        double radius = HANDLE_RADIUS / t.scale();
        int h = sel >= 0 && sel < boxes.length ? BoxHandles.at(boxes[sel], startX, startY, radius) : -1;
        if (h >= 0) {
            begin(Mode.RESIZE, sel, boxes[sel]);
            handle = h;
            return;
        }
        int hit = BoxPicker.pick(boxes, startX, startY, 2.0 / t.scale());
        if (hit >= 0) {
            target.select(hit);
            begin(Mode.MOVE, hit, target.boxes()[hit]);
        } else {
            target.select(-1);
            mode = Mode.PAN;
        }
    }

    private void begin(Mode m, int i, float[] box) {
        mode = m;
        index = i;
        original = box.clone();
        current = box.clone();
    }

    @Override
    public void dragged(DetectionCanvas canvas, MouseEvent e) {
        ViewTransform t = canvas.viewTransform();
        double x = t.toImageX(e.getX());
        double y = t.toImageY(e.getY());
        double[] size = target.imageSize();
        switch (mode) {
            case DRAW -> {
                current = BoxHandles.span(startX, startY, x, y, size[0], size[1]);
                target.previewNew(current);
            }
            case MOVE -> {
                current = BoxHandles.move(original, x - startX, y - startY, size[0], size[1]);
                target.preview(index, current);
            }
            case RESIZE -> {
                current = BoxHandles.resize(original, handle, x - startX, y - startY, size[0], size[1]);
                target.preview(index, current);
            }
            case PAN -> {
                canvas.panBy(e.getX() - lastViewX, e.getY() - lastViewY);
                lastViewX = e.getX();
                lastViewY = e.getY();
            }
            default -> { }
        }
    }

    @Override
    public void released(DetectionCanvas canvas, MouseEvent e) {
        switch (mode) {
            case DRAW -> {
                target.previewNew(null);
                if (current != null && current[2] - current[0] >= MIN_SIDE && current[3] - current[1] >= MIN_SIDE) {
                    target.create(current);
                    drawMode.set(false);
                }
            }
            case MOVE, RESIZE -> {
                if (!java.util.Arrays.equals(original, current)) {
                    target.commitMove(index, original, current);
                }
            }
            default -> { }
        }
        mode = Mode.NONE;
        current = null;
    }

    @Override
    public boolean cancel(DetectionCanvas canvas) {
        Mode was = mode;
        switch (mode) {
            case DRAW -> target.previewNew(null);
            case MOVE, RESIZE -> target.preview(index, original);
            default -> { }
        }
        mode = Mode.NONE;
        current = null;
        return was != Mode.NONE && was != Mode.PAN;
    }

    /** True while a box is being drawn, moved or resized. */
    public boolean isDragging() {
        return mode == Mode.DRAW || mode == Mode.MOVE || mode == Mode.RESIZE;
    }

    @Override
    public Cursor cursorAt(DetectionCanvas canvas, double x, double y) {
        if (drawMode.get()) {
            return Cursor.CROSSHAIR;
        }
        ViewTransform t = canvas.viewTransform();
        float[][] boxes = target.boxes();
        int sel = target.selected();
        if (sel >= 0 && sel < boxes.length) {
            int h = BoxHandles.at(boxes[sel], t.toImageX(x), t.toImageY(y), HANDLE_RADIUS / t.scale());
            if (h >= 0) {
                return BoxHandles.cursor(h);
            }
        }
        return BoxPicker.pick(boxes, t.toImageX(x), t.toImageY(y), 2.0 / t.scale()) >= 0 ? Cursor.MOVE : Cursor.DEFAULT;
    }
}
