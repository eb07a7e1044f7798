package org.dsrcnn.viewer.charts;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.dsrcnn.viewer.ExpertColors;

/**
 * The DPG expert mix of an image as a bar chart: one bar per expert, the mean weight over the
 * proposals ({@code ExpertTrace.imageMix()}); the selected proposal's own weights are drawn as
 * black markers across the bars.
 */
public final class ExpertMixChart extends CanvasChart {

    private final ObjectProperty<double[]> mix = new SimpleObjectProperty<>(this, "mix");
    private final ObjectProperty<float[]> selectedWeights = new SimpleObjectProperty<>(this, "selectedWeights");

    public ExpertMixChart() {
        super("no DPG experts (static proposals)");
        getStyleClass().add("expert-mix-chart");
        setPrefSize(260, 140);
        setMinHeight(100);
        mix.addListener(o -> redraw());
        selectedWeights.addListener(o -> redraw());
    }

    /** Mean weight per expert (Ne), summing to 1; null = no DPG. */
    public ObjectProperty<double[]> mixProperty() {
        return mix;
    }

    /** The selected proposal's weight per expert (Ne), or null. */
    public ObjectProperty<float[]> selectedWeightsProperty() {
        return selectedWeights;
    }

    @Override
    void draw(GraphicsContext gc, double w, double h) {
        double[] m = mix.get();
        gc.setFont(FONT);
        if (m == null || m.length == 0) {
            drawEmpty(gc, w, h);
            return;
        }
        double left = 30;
        double top = 16;
        double bottom = h - 18;
        double plotH = bottom - top;
        double slot = (w - left - 8) / m.length;
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setLineWidth(1);
        int steps = gridSteps(plotH);
        for (int k = 0; k <= steps; k++) {
            double y = bottom - plotH * k / steps;
            gc.setStroke(GRID);
            gc.strokeLine(left, y, w - 8, y);
            gc.setFill(MUTED);
            gc.fillText(String.format(Locale.ROOT, "%.2f", k / (double) steps), left - 4, y);
        }
        float[] sel = selectedWeights.get();
        for (int e = 0; e < m.length; e++) {
            double x = left + e * slot + slot * 0.18;
            double bw = slot * 0.64;
            double bh = plotH * Math.max(0, Math.min(1, m[e]));
            gc.setFill(ExpertColors.of(e));
            gc.fillRect(x, bottom - bh, bw, bh);
            gc.setFill(INK);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.BOTTOM);
            gc.fillText(String.format(Locale.ROOT, "%.2f", m[e]), x + bw / 2, bottom - bh - 1);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText("E" + (e + 1), x + bw / 2, bottom + 3);
            if (sel != null && e < sel.length) {
                double y = bottom - plotH * Math.max(0, Math.min(1, sel[e]));
                gc.setStroke(Color.BLACK);
                gc.setLineWidth(3);
                gc.strokeLine(x - 3, y, x + bw + 3, y);
                gc.setLineWidth(1);
            }
        }
    }

    /**
     * Grid intervals on the weight axis for a plot this tall (px): quarters while each label has at
     * least {@link #MIN_LABEL_GAP} px, then halves, then only 0 and 1, so that the labels never overlap
     * when the panel is squeezed (900x600 with a pinned comparison).
     */
    static int gridSteps(double plotH) {
        for (int steps = 4; steps > 1; steps /= 2) {
            if (plotH / steps >= MIN_LABEL_GAP) {
                return steps;
            }
        }
        return 1;
    }

    /** Vertical room one axis label needs (the 11 px chart font plus a gap). */
    static final double MIN_LABEL_GAP = 14;
}
