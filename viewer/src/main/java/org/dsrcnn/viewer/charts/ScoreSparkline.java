package org.dsrcnn.viewer.charts;

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
 * A proposal's top class score per stage (stages 1..T) as a small line on a fixed 0..1 scale,
 * with the current stage marked.
 */
public final class ScoreSparkline extends CanvasChart {

    private static final Color LINE = Color.web("#0969da");
    private static final Color MARK = Color.web("#bf8700");

    private final ObjectProperty<double[]> values = new SimpleObjectProperty<>(this, "values");
    private final IntegerProperty currentStage = new SimpleIntegerProperty(this, "currentStage", 0);

    public ScoreSparkline() {
        super("click a box to follow its score");
        getStyleClass().add("score-sparkline");
        setPrefSize(260, 64);
        setMinHeight(48);
        values.addListener(o -> redraw());
        currentStage.addListener(o -> redraw());
    }

    /** values[t - 1] = score after stage t, in [0, 1]; null = nothing selected. */
    public ObjectProperty<double[]> valuesProperty() {
        return values;
    }

    /** The stage 0..T being shown (0 has no score, so no mark). */
    public IntegerProperty currentStageProperty() {
        return currentStage;
    }

    /** x of stage t (1..T) in a chart of width w, for T stages. */
    static double xOf(int t, int stages, double w) {
        double left = 26;
        double right = w - 30;
        return stages <= 1 ? (left + right) / 2 : left + (right - left) * (t - 1) / (stages - 1.0);
    }

    @Override
    void draw(GraphicsContext gc, double w, double h) {
        double[] v = values.get();
        gc.setFont(FONT);
        if (v == null || v.length == 0) {
            drawEmpty(gc, w, h);
            return;
        }
        double top = 6;
        double bottom = h - 14;
        gc.setStroke(GRID);
        gc.setLineWidth(1);
        gc.strokeLine(xOf(1, v.length, w), top, xOf(v.length, v.length, w), top);
        gc.strokeLine(xOf(1, v.length, w), bottom, xOf(v.length, v.length, w), bottom);
        gc.setFill(MUTED);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText("1", 20, top);
        gc.fillText("0", 20, bottom);
        gc.setStroke(LINE);
        gc.setLineWidth(2);
        gc.beginPath();
        for (int t = 1; t <= v.length; t++) {
            double x = xOf(t, v.length, w);
            double y = bottom - (bottom - top) * clamp(v[t - 1]);
            if (t == 1) {
                gc.moveTo(x, y);
            } else {
                gc.lineTo(x, y);
            }
        }
        gc.stroke();
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (int t = 1; t <= v.length; t++) {
            double x = xOf(t, v.length, w);
            double y = bottom - (bottom - top) * clamp(v[t - 1]);
            boolean current = t == currentStage.get();
            gc.setFill(current ? MARK : LINE);
            double r = current ? 4.5 : 2.5;
            gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            gc.setFill(MUTED);
            gc.fillText(Integer.toString(t), x, bottom + 1);
        }
        gc.setFill(INK);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        double last = v[v.length - 1];
        gc.fillText(String.format(Locale.ROOT, "%.2f", last), xOf(v.length, v.length, w) + 6,
                bottom - (bottom - top) * clamp(last));
    }

    private static double clamp(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
