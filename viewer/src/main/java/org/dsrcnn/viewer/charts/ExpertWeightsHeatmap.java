package org.dsrcnn.viewer.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;
import org.dsrcnn.viewer.ExpertColors;

/**
 * The DPG weights as an Np x Ne {@link MatrixHeatmap}: one row per proposal, one column per
 * expert, viridis colour = softmax weight on [0, 1]. Clicking a column header sorts the rows by
 * that expert's weight (descending); clicking it again restores proposal order. Clicking a row
 * selects its proposal; the selected row is outlined.
 *
 * <p>With a {@link #referenceProperty() reference} of the same shape (another image's weights) it
 * shows the difference {@code weights - reference} instead, on a diverging scale symmetric about 0
 * ({@link Diverging}, +-{@link #deltaRangeProperty() the largest |difference|}): near-uniform mixes that
 * differ by a few per cent between images look alike on [0, 1], and their difference does not.
 * Sorting then orders by the difference.
 */
public final class ExpertWeightsHeatmap extends MatrixHeatmap {

    /** Sort key meaning "by proposal index". */
    public static final int BY_PROPOSAL = -1;

    private final ObjectProperty<float[][]> weights = new SimpleObjectProperty<>(this, "weights");
    private final IntegerProperty sortExpert = new SimpleIntegerProperty(this, "sortExpert", BY_PROPOSAL);
    private final ObjectProperty<float[][]> reference = new SimpleObjectProperty<>(this, "reference");
    private final ReadOnlyDoubleWrapper deltaRange = new ReadOnlyDoubleWrapper(this, "deltaRange", Double.NaN);

    public ExpertWeightsHeatmap() {
        super("no DPG weights");
        getStyleClass().add("expert-weights-heatmap");
        setPrefSize(260, 260);
        setMinHeight(120);
        minProperty().set(0);
        maxProperty().set(1);
        reference.addListener(o -> {
            showValues();
            reorder();
        });
        weights.addListener((obs, o, w) -> {
            showValues();
            int ne = w == null || w.length == 0 ? 0 : w[0].length;
            List<String> heads = new ArrayList<>();
            List<Color> colors = new ArrayList<>();
            for (int e = 0; e < ne; e++) {
                heads.add("E" + (e + 1));
                colors.add(ExpertColors.of(e));
            }
            List<String> names = new ArrayList<>();
            for (int p = 0; w != null && p < w.length; p++) {
                names.add("#" + p);
            }
            rowLabelsProperty().set(names);
            columnColorsProperty().set(colors);
            columnColorsProperty().set(colors);
            updateHeader(heads);
            reorder();
        });
        sortExpert.addListener(o -> {
            reorder();
            float[][] w = weights.get();
            int ne = w == null || w.length == 0 ? 0 : w[0].length;
            List<String> heads = new ArrayList<>();
            for (int e = 0; e < ne; e++) {
                heads.add("E" + (e + 1));
            }
            updateHeader(heads);
        });
        setOnCellClicked((row, col, e) -> {
            if (row < 0 && col >= 0) {
                sortExpert.set(sortExpert.get() == col ? BY_PROPOSAL : col);
            } else if (row >= 0) {
                selectedRowProperty().set(row);
            }
        });
    }

    private void updateHeader(List<String> heads) {
        List<String> out = new ArrayList<>(heads);
        int e = sortExpert.get();
        if (e >= 0 && e < out.size()) {
            out.set(e, out.get(e) + " \u25BC");
        }
        columnLabelsProperty().set(out);
    }

    /** Weights on [0, 1] in viridis, or their difference to the reference on a diverging scale. */
    private void showValues() {
        float[][] w = weights.get();
        double[][] delta = difference(w, reference.get());
        if (delta == null) {
            deltaRange.set(Double.NaN);
            colorScaleProperty().set(Viridis::of);
            minProperty().set(0);
            maxProperty().set(1);
            valuesProperty().set(toDouble(w));
            return;
        }
        double m = 0;
        for (double[] row : delta) {
            for (double x : row) {
                m = Math.max(m, Math.abs(x));
            }
        }
        m = Math.max(m, 1e-6); // identical mixes: all cells at the scale's middle
        deltaRange.set(m);
        colorScaleProperty().set(Diverging::of);
        minProperty().set(-m);
        maxProperty().set(m);
        valuesProperty().set(delta);
    }

    /** w - ref, or null when either is missing or their shapes differ. */
    static double[][] difference(float[][] w, float[][] ref) {
        if (w == null || ref == null || w.length != ref.length || w.length == 0 || w[0].length != ref[0].length) {
            return null;
        }
        double[][] out = new double[w.length][w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                out[i][j] = w[i][j] - ref[i][j];
            }
        }
        return out;
    }

    private static double[][] toDouble(float[][] w) {
        if (w == null) {
            return null;
        }
        double[][] out = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            out[i] = new double[w[i].length];
            for (int j = 0; j < w[i].length; j++) {
                out[i][j] = w[i][j];
            }
        }
        return out;
    }

    /** (Np, Ne) weights, rows summing to 1; null = no DPG. */
    public ObjectProperty<float[][]> weightsProperty() {
        return weights;
    }

    /**
     * Another image's (Np, Ne) weights to show the difference to; null (or another shape) = show the
     * weights themselves.
     */
    public ObjectProperty<float[][]> referenceProperty() {
        return reference;
    }

    /** The largest |weights - reference| (the scale runs over +- this), NaN when no difference is shown. */
    public ReadOnlyDoubleProperty deltaRangeProperty() {
        return deltaRange.getReadOnlyProperty();
    }

    /** The expert whose weight orders the rows (descending), or {@link #BY_PROPOSAL}. */
    public IntegerProperty sortExpertProperty() {
        return sortExpert;
    }

    /** The selected proposal, or -1 (the highlighted row). */
    public IntegerProperty selectedProposalProperty() {
        return selectedRowProperty();
    }

    /** Row r shows proposal {@code rowOrder()[r]}. */
    public int[] rowOrder() {
        return displayedRows();
    }

    /** The proposal shown at local y, or -1 outside the rows. */
    public int proposalAt(double y) {
        return rowAt(y);
    }

    private void reorder() {
        float[][] w = weights.get();
        double[][] shown = valuesProperty().get();
        int n = w == null ? 0 : w.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int e = sortExpert.get();
        if (w != null && n > 0 && e >= 0 && e < w[0].length) {
            Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -shown[i][e]).thenComparingInt(i -> i));
        }
        rowOrderProperty().set(Arrays.stream(idx).mapToInt(Integer::intValue).toArray());
    }
}
