package org.dsrcnn.viewer.charts;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Precision-recall curves, one per class: precision (y, 0..1) read at evenly spaced recall points
 * (x, 0..1), as COCO evaluation stores them; points of -1 (a class without GT) are not drawn.
 */
public final class PrCurveChart extends CanvasChart {

    /** One curve. @param precision precision at recall i / (n - 1), -1 = none */
    public record Curve(String name, Color color, double[] precision) {}

    private static final double LEFT = 30;
    private static final double TOP = 8;
    private static final double BOTTOM = 30;

    private final ObjectProperty<List<Curve>> curves = new SimpleObjectProperty<>(this, "curves", List.of());

    public PrCurveChart(String emptyText) {
        super(emptyText);
        curves.addListener(o -> redraw());
        setPrefSize(320, 220);
        setMinSize(120, 100);
    }

    /** The curves drawn. */
    public ObjectProperty<List<Curve>> curvesProperty() {
        return curves;
    }

    @Override
    void draw(GraphicsContext gc, double w, double h) {
        List<Curve> all = curves.get();
        if (all == null || all.isEmpty()) {
            drawEmpty(gc, w, h);
            return;
        }
        double plotW = w - LEFT - 10;
        double plotH = h - TOP - BOTTOM;
        gc.setFont(FONT);
        gc.setLineWidth(1);
        gc.setStroke(GRID);
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH * i / 4;
            gc.strokeLine(LEFT, y, LEFT + plotW, y);
            double x = LEFT + plotW * i / 4;
            gc.strokeLine(x, TOP, x, TOP + plotH);
        }
        gc.setFill(MUTED);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 4; i++) {
            gc.fillText(String.format(Locale.ROOT, "%.2g", 1 - i / 4.0), LEFT - 3, TOP + plotH * i / 4);
        }
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (int i = 0; i <= 4; i++) {
            gc.fillText(String.format(Locale.ROOT, "%.2g", i / 4.0), LEFT + plotW * i / 4, TOP + plotH + 2);
        }
        gc.fillText("recall", LEFT + plotW / 2, TOP + plotH + 15);
        gc.setLineWidth(2);
        for (Curve c : all) {
            double[] p = c.precision();
            gc.setStroke(c.color());
            gc.beginPath();
            boolean open = false;
            for (int i = 0; i < p.length; i++) {
                if (p[i] < 0) {
                    open = false;
                    continue;
                }
                double x = LEFT + plotW * i / (p.length - 1);
                double y = TOP + plotH * (1 - p[i]);
                if (open) {
                    gc.lineTo(x, y);
                } else {
                    gc.moveTo(x, y);
                    open = true;
                }
            }
            gc.stroke();
        }
    }
}
