package org.dsrcnn.viewer.charts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A region drawn on one canvas that fills it; subclasses draw in {@link #draw}. */
abstract class CanvasChart extends Region {

    static final Font FONT = Font.font("System", 11);
    static final Color INK = Color.web("#24292f");
    static final Color MUTED = Color.web("#57606a");
    static final Color GRID = Color.web("#d0d7de");

    final Canvas canvas = new Canvas();

    CanvasChart() {
        getChildren().add(canvas);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(snapSizeX(getWidth()));
        canvas.setHeight(snapSizeY(getHeight()));
        redraw();
    }

    /** Redraws from the current data. */
    public final void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(gc, canvas.getWidth(), canvas.getHeight());
        }
    }

    abstract void draw(GraphicsContext gc, double w, double h);
}
