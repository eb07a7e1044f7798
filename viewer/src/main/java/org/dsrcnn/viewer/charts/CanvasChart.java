package org.dsrcnn.viewer.charts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A region drawn on one canvas that fills it; subclasses draw in {@link #draw}. */
public abstract class CanvasChart extends Region {

    static final Font FONT = Font.font("System", 11);
    static final Color INK = Color.web("#24292f");
    static final Color MUTED = Color.web("#57606a");
    static final Color GRID = Color.web("#d0d7de");

    final Canvas canvas = new Canvas();
    private final javafx.beans.property.StringProperty emptyText =
            new javafx.beans.property.SimpleStringProperty(this, "emptyText", "");

    CanvasChart(String defaultEmptyText) {
        emptyText.set(defaultEmptyText);
        emptyText.addListener(o -> redraw());
        getChildren().add(canvas);
    }

    /** What the chart says while it has no data. */
    public final javafx.beans.property.StringProperty emptyTextProperty() {
        return emptyText;
    }

    /** Writes the empty text in the middle. */
    final void drawEmpty(GraphicsContext gc, double w, double h) {
        gc.setFont(FONT);
        gc.setFill(MUTED);
        gc.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        gc.setTextBaseline(javafx.geometry.VPos.CENTER);
        gc.fillText(emptyText.get(), w / 2, h / 2, Math.max(40, w - 16));
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
