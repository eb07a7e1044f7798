package org.dsrcnn.viewer.charts;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A few series over the head stages 1..T as lines with dots, one legend entry each, the current
 * stage marked: e.g. positives per stage for OTA and Hungarian, so unit increasing is visible at a
 * glance. The y axis starts at 0 and ends at the largest value.
 */
public final class StageSeriesChart extends CanvasChart {

    /** One line. @param values values[t - 1] at stage t */
    public record Series(String name, Color color, double[] values) {}

    private static final double LEFT = 30;
    private static final double BOTTOM = 16;
    private static final double TOP = 16;
    private final ObjectProperty<List<Series>> series = new SimpleObjectProperty<>(this, "series", List.of());
    private final IntegerProperty currentStage = new SimpleIntegerProperty(this, "currentStage", 0);

    public StageSeriesChart(String emptyText) {
        super(emptyText);
        setPrefSize(280, 110);
        setMinHeight(80);
        series.addListener(o -> redraw());
        currentStage.addListener(o -> redraw());
    }

    public ObjectProperty<List<Series>> seriesProperty() {
        return series;
    }

    /** The stage marked (1..T; other values mark none). */
    public IntegerProperty currentStageProperty() {
        return currentStage;
    }

    @Override
    void draw(GraphicsContext gc, double w, double h) {
        List<Series> all = series.get();
        if (all == null || all.isEmpty() || all.get(0).values().length == 0) {
            drawEmpty(gc, w, h);
            return;
        }
        int stages = all.get(0).values().length;
        double max = 1;
        for (Series s : all) {
            for (double v : s.values()) {
                max = Math.max(max, v);
            }
        }
        double plotW = w - LEFT - 8;
        double plotH = h - TOP - BOTTOM;
        gc.setFont(FONT);
        gc.setStroke(GRID);
        gc.setLineWidth(1);
        gc.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        gc.setFill(MUTED);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(String.format(Locale.ROOT, "%.0f", max), LEFT - 4, TOP);
        gc.fillText("0", LEFT - 4, TOP + plotH);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        int cur = currentStage.get();
        for (int t = 1; t <= stages; t++) {
            double x = LEFT + plotW * (t - 0.5) / stages;
            if (t == cur) {
                gc.setFill(Color.web("#fff8c5"));
                gc.fillRect(x - plotW / stages / 2, TOP, plotW / stages, plotH);
            }
            gc.setFill(t == cur ? INK : MUTED);
            gc.fillText(String.valueOf(t), x, TOP + plotH + 2);
        }
        double legendX = LEFT;
        for (Series s : all) {
            gc.setStroke(s.color());
            gc.setFill(s.color());
            gc.setLineWidth(2);
            gc.beginPath();
            for (int t = 1; t <= stages && t <= s.values().length; t++) {
                double x = LEFT + plotW * (t - 0.5) / stages;
                double y = TOP + plotH * (1 - s.values()[t - 1] / max);
                if (t == 1) {
                    gc.moveTo(x, y);
                } else {
                    gc.lineTo(x, y);
                }
                gc.fillOval(x - 2.5, y - 2.5, 5, 5);
            }
            gc.stroke();
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.TOP);
            gc.fillRect(legendX, 3, 10, 3);
            gc.fillText(s.name(), legendX + 13, 0);
            legendX += 20 + s.name().length() * 6.5;
        }
    }
}
