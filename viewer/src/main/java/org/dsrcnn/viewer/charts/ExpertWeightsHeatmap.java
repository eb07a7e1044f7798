package org.dsrcnn.viewer.charts;

import java.util.Arrays;
import java.util.Comparator;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.dsrcnn.viewer.ExpertColors;

/**
 * The DPG weights as an Np x Ne heat map: one row per proposal, one column per expert, viridis
 * colour = softmax weight. Clicking a column header sorts the rows by that expert's weight
 * (descending); clicking it again restores proposal order. Clicking a row selects its proposal;
 * the selected row is outlined.
 */
public final class ExpertWeightsHeatmap extends CanvasChart {

    /** Sort key meaning "by proposal index". */
    public static final int BY_PROPOSAL = -1;

    static final double HEADER = 18;
    static final double LEFT = 34;
    static final double RIGHT = 6;

    private final ObjectProperty<float[][]> weights = new SimpleObjectProperty<>(this, "weights");
    private final IntegerProperty sortExpert = new SimpleIntegerProperty(this, "sortExpert", BY_PROPOSAL);
    private final IntegerProperty selectedProposal = new SimpleIntegerProperty(this, "selectedProposal", -1);
    private int[] order = new int[0];

    public ExpertWeightsHeatmap() {
        super("no DPG weights");
        getStyleClass().add("expert-weights-heatmap");
        setPrefSize(260, 260);
        setMinHeight(120);
        weights.addListener(o -> {
            reorder();
            redraw();
        });
        sortExpert.addListener(o -> {
            reorder();
            redraw();
        });
        selectedProposal.addListener(o -> redraw());
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            float[][] w = weights.get();
            if (w == null || w.length == 0) {
                return;
            }
            if (e.getY() < HEADER) {
                int col = columnAt(e.getX(), getWidth(), w[0].length);
                if (col >= 0) {
                    sortExpert.set(sortExpert.get() == col ? BY_PROPOSAL : col);
                }
            } else {
                int p = proposalAt(e.getY());
                if (p >= 0) {
                    selectedProposal.set(p);
                }
            }
        });
    }

    /** (Np, Ne) weights, rows summing to 1; null = no DPG. */
    public ObjectProperty<float[][]> weightsProperty() {
        return weights;
    }

    /** The expert whose weight orders the rows (descending), or {@link #BY_PROPOSAL}. */
    public IntegerProperty sortExpertProperty() {
        return sortExpert;
    }

    /** The selected proposal, or -1. */
    public IntegerProperty selectedProposalProperty() {
        return selectedProposal;
    }

    /** Row r shows proposal {@code rowOrder()[r]}. */
    public int[] rowOrder() {
        return order.clone();
    }

    /** The proposal shown at local y, or -1 outside the rows. */
    public int proposalAt(double y) {
        if (order.length == 0 || y < HEADER) {
            return -1;
        }
        double rowH = (getHeight() - HEADER) / order.length;
        int r = (int) Math.floor((y - HEADER) / rowH);
        return r >= 0 && r < order.length ? order[r] : -1;
    }

    /** The y range [top, top + height) of proposal p's row, or null when absent. */
    public double[] rowBounds(int p) {
        for (int r = 0; r < order.length; r++) {
            if (order[r] == p) {
                double rowH = (getHeight() - HEADER) / order.length;
                return new double[] {HEADER + r * rowH, rowH};
            }
        }
        return null;
    }

    static int columnAt(double x, double w, int ne) {
        double colW = (w - LEFT - RIGHT) / ne;
        int c = (int) Math.floor((x - LEFT) / colW);
        return x >= LEFT && c >= 0 && c < ne ? c : -1;
    }

    private void reorder() {
        float[][] w = weights.get();
        int n = w == null ? 0 : w.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int e = sortExpert.get();
        if (w != null && n > 0 && e >= 0 && e < w[0].length) {
            Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -w[i][e]).thenComparingInt(i -> i));
        }
        order = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    @Override
    void draw(GraphicsContext gc, double w, double h) {
        float[][] data = weights.get();
        gc.setFont(FONT);
        if (data == null || data.length == 0) {
            drawEmpty(gc, w, h);
            return;
        }
        int ne = data[0].length;
        double colW = (w - LEFT - RIGHT) / ne;
        double rowH = (h - HEADER) / order.length;
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int e = 0; e < ne; e++) {
            double x = LEFT + e * colW;
            gc.setFill(ExpertColors.of(e));
            gc.fillRect(x + 1, 2, colW - 2, HEADER - 4);
            gc.setFill(Color.WHITE);
            String arrow = sortExpert.get() == e ? " \u25BC" : "";
            gc.fillText("E" + (e + 1) + arrow, x + colW / 2, HEADER / 2);
        }
        for (int r = 0; r < order.length; r++) {
            int p = order[r];
            double y = HEADER + r * rowH;
            for (int e = 0; e < ne; e++) {
                gc.setFill(Viridis.of(data[p][e]));
                gc.fillRect(LEFT + e * colW, y, colW + 0.5, rowH + 0.5);
            }
        }
        int sel = selectedProposal.get();
        double[] b = sel >= 0 ? rowBounds(sel) : null;
        double selY = b == null ? Double.NaN : b[0] + b[1] / 2;
        gc.setFill(MUTED);
        gc.setTextAlign(TextAlignment.RIGHT);
        double firstY = HEADER + 6;
        double lastY = h - 6;
        if (!(Math.abs(selY - firstY) < 12)) {
            gc.fillText("#" + order[0], LEFT - 3, firstY);
        }
        if (!(Math.abs(selY - lastY) < 12)) {
            gc.fillText("#" + order[order.length - 1], LEFT - 3, lastY);
        }
        if (b != null) {
            double y = b[0] + b[1] / 2;
            gc.setStroke(Color.web("#ffd400"));
            gc.setLineWidth(2);
            gc.strokeRect(LEFT - 1, b[0] - 1, w - LEFT - RIGHT + 2, Math.max(2, b[1]) + 2);
            gc.setFill(INK);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.setFill(Color.web("#bf8700"));
            gc.fillText("#" + sel + " \u25B6", LEFT - 2, Math.max(HEADER + 6, Math.min(h - 6, y)));
        }
    }
}
