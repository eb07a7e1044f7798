package org.dsrcnn.viewer.curves;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A TensorBoard-style scalar card: several runs' curves of one metric, each drawn smoothed
 * ({@link EmaSmoothing}, on the full data) with its raw curve faint behind, both decimated to the
 * plot's width for drawing ({@link Decimation}); log x and log y; a hover read-out of every shown
 * run's value at the x under the mouse. Built on ChartFX's {@link XYChart}.
 *
 * <p>Fed plain data: {@link #setCurves(List)} replaces the curves (cheap: arrays are shared, not
 * copied), and any change of smoothing, axes or curves redraws.
 */
public final class CurveChart extends BorderPane {
    /** Opacity of the raw curve behind the smoothed one (TensorBoard draws it at about 0.25). */
    static final double RAW_OPACITY = 0.25;

    private final DefaultNumericAxis xAxis = new DefaultNumericAxis("iteration");
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis("");
    private final XYChart chart;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final Label title = new Label();
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0.6);
    private final BooleanProperty logX = new SimpleBooleanProperty(this, "logX", false);
    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final BooleanProperty showRaw = new SimpleBooleanProperty(this, "showRaw", true);
    private List<Curve> curves = List.of();
    private List<double[]> smoothed = List.of();
    private int drawnPoints;
    private boolean redrawQueued;
    /** The raw curves' decimation does not depend on the smoothing: kept per curve and setting. */
    private final Map<Curve, Map.Entry<String, Decimation.Points>> rawCache = new HashMap<>();
    private Map<String, DoubleDataSet> dataSets = new HashMap<>();

    /** Up to this many curves a chart shows its own legend; beyond, the page's run list is the key. */
    public static final int LEGEND_MAX_CURVES = 3;

    public CurveChart(String titleText) {
        title.setText(titleText);
        title.getStyleClass().add("curve-title");
        xAxis.setUnit(null); // no "[]" after the axis names
        yAxis.setUnit(null);
        xAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangeRounding(false);
        yAxis.setForceZeroInRange(false);
        yAxis.setSide(io.fair_acc.chartfx.ui.geometry.Side.LEFT);
        xAxis.setSide(io.fair_acc.chartfx.ui.geometry.Side.BOTTOM);
        chart = new XYChart(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getRenderers().setAll(renderer);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPointReduction(false); // we decimate ourselves, once per change, not per frame
        renderer.setAllowNaNs(true);
        chart.getToolBar().setVisible(false);
        chart.getToolBar().setManaged(false);
        chart.setMinSize(120, 100);
        chart.setPrefSize(360, 220);
        Label readoutLabel = new Label();
        readoutLabel.textProperty().bind(readout);
        readoutLabel.getStyleClass().add("curve-readout");
        readoutLabel.setMinWidth(0);
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the read-out gives way, never the title
        HBox header = new HBox(10, title, readoutLabel);
        HBox.setHgrow(readoutLabel, Priority.ALWAYS);
        header.setPadding(new Insets(2, 6, 0, 6));
        setTop(header);
        setCenter(chart);
        smoothing.addListener((o, a, b) -> redraw());
        showRaw.addListener((o, a, b) -> redraw());
        logX.addListener((o, a, b) -> {
            xAxis.setLogAxis(logX.get());
            redraw();
        });
        logY.addListener((o, a, b) -> {
            yAxis.setLogAxis(logY.get());
            redraw();
        });
        chart.addEventFilter(MouseEvent.MOUSE_MOVED, this::hover); // a filter: ChartFX's plot consumes moves
        chart.addEventFilter(MouseEvent.MOUSE_EXITED, e -> readout.set(""));
        widthProperty().addListener((o, a, b) -> {
            if (Math.abs(a.doubleValue() - b.doubleValue()) > 40 && !redrawQueued) {
                // more or fewer pixels: decimate again, but after this layout pass: ChartFX holds
                // its data sets' (non-reentrant) read locks while it lays out, so changing a data
                // set from inside a layout deadlocks the FX thread
                redrawQueued = true;
                javafx.application.Platform.runLater(() -> {
                    redrawQueued = false;
                    redraw();
                });
            }
        });
    }

    /** Replaces the curves and redraws. */
    public void setCurves(List<Curve> newCurves) {
        curves = List.copyOf(newCurves);
        // Six overlaid runs gave every card a three-line legend, half its height; past a few curves the
        // runs table's colour swatches are the legend (as TensorBoard's run selector is).
        chart.setLegendVisible(curves.size() <= LEGEND_MAX_CURVES);
        redraw();
    }

    /** Whether the chart draws its own legend (see {@link #LEGEND_MAX_CURVES}). */
    public boolean legendVisible() {
        return chart.legendVisibleProperty().get();
    }

    public List<Curve> curves() {
        return curves;
    }

    /** Sets the x axis' name (e.g. "iteration", "images seen", "wall time (s)"). */
    public void setXLabel(String name) {
        xAxis.setName(name);
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    public String title() {
        return title.getText();
    }

    /** Recomputes smoothing (on all points) and the decimated drawing data, then redraws. */
    public void redraw() {
        int buckets = Math.max(100, (int) Math.ceil(Math.max(getWidth(), 400)));
        double w = smoothing.get();
        List<io.fair_acc.dataset.DataSet> sets = new ArrayList<>();
        List<double[]> smoothedNow = new ArrayList<>(curves.size());
        Map<String, DoubleDataSet> reuse = new HashMap<>();
        int points = 0;
        for (Curve c : curves) {
            double[] x = c.x();
            int n = c.size();
            double[] y = drawable(x, c.y(), n, logX.get(), logY.get());
            double[] s = EmaSmoothing.smooth(y, n, w, new double[n]);
            smoothedNow.add(s);
            if (showRaw.get() && w > 0) {
                String key = buckets + (logX.get() ? "x" : "") + (logY.get() ? "y" : "");
                Map.Entry<String, Decimation.Points> cached = rawCache.get(c);
                boolean fresh = cached == null || !cached.getKey().equals(key);
                Decimation.Points raw = fresh ? Decimation.reduce(x, y, n, buckets) : cached.getValue();
                rawCache.put(c, Map.entry(key, raw));
                sets.add(dataSet(reuse, c.id() + "\u0000raw", c.label() + " (raw)", raw, !fresh, c.color(), RAW_OPACITY,
                        1.0, false));
                points += raw.size();
            }
            Decimation.Points line = Decimation.reduce(x, s, n, buckets);
            sets.add(dataSet(reuse, c.id(), c.label(), line, false, c.color(), 1.0, 1.8, true));
            points += line.size();
        }
        rawCache.keySet().retainAll(curves);
        dataSets = reuse;
        smoothed = smoothedNow;
        drawnPoints = points;
        if (!renderer.getDatasets().equals(sets)) {
            renderer.getDatasets().setAll(sets);
        }
    }

    /**
     * The data set of one line, reused between redraws (a new ChartFX data set costs its CSS node
     * and listeners: 20 new ones per slider step took 50 ms).
     */
    private DoubleDataSet dataSet(Map<String, DoubleDataSet> used, String key, String name, Decimation.Points p,
            boolean unchanged, String color, double opacity, double width, boolean inLegend) {
        String style = DataSetStyleBuilder.instance()
                .setLineColor(withOpacity(color, opacity))
                .setMarkerColor(withOpacity(color, opacity))
                .setLineWidth(width)
                .setMarkerSize(0)
                .setShowInLegend(inLegend)
                .build();
        DoubleDataSet ds = dataSets.get(key);
        if (ds == null || !ds.getName().equals(name)) {
            ds = new DoubleDataSet(name, p.x(), p.y(), p.size(), false);
            ds.setStyle(style);
        } else {
            if (!style.equals(ds.getStyle())) {
                ds.setStyle(style);
            }
            if (!unchanged) {
                ds.set(p.x(), p.y(), p.size(), false);
            }
        }
        used.put(key, ds);
        return ds;
    }

    private static String withOpacity(String color, double opacity) {
        javafx.scene.paint.Color c = javafx.scene.paint.Color.web(color);
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.3f)", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255), opacity);
    }

    /**
     * The values as a log axis can draw them: a point whose y (log y) or x (log x) is not positive
     * becomes a gap (NaN), as in TensorBoard. Without log axes the values themselves, not a copy.
     */
    private static double[] drawable(double[] x, double[] y, int n, boolean logX, boolean logY) {
        if (!logX && !logY) {
            return y;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            boolean gap = (logY && !(y[i] > 0)) || (logX && !(x[i] > 0));
            out[i] = gap ? Double.NaN : y[i];
        }
        return out;
    }

    private void hover(MouseEvent e) {
        Node axisNode = xAxis;
        double local = axisNode.sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
        double value = xAxis.getValueForDisplay(local);
        readout.set(readoutAt(value));
    }

    /** The read-out at data x {@code value}: every curve's smoothed (and raw) value at its nearest point. */
    public String readoutAt(double value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            int k = c.nearest(value);
            if (k < 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("   ");
            }
            double s = i < smoothed.size() && k < smoothed.get(i).length ? smoothed.get(i)[k] : Double.NaN;
            sb.append(c.label()).append(' ').append(format(s));
            if (smoothing.get() > 0) {
                sb.append(" (").append(format(c.y()[k])).append(')');
            }
            sb.append(" @ ").append(format(c.x()[k]));
        }
        return sb.toString();
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        if (a == Math.rint(a)) { // iterations, images, counts
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Smoothed values of curve {@code i}, as last computed (for tests and the read-out). */
    public double[] smoothedValues(int i) {
        return smoothed.get(i);
    }

    /** Points handed to ChartFX in the last redraw (raw + smoothed, all curves). */
    public int drawnPoints() {
        return drawnPoints;
    }

    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public BooleanProperty logXProperty() {
        return logX;
    }

    public BooleanProperty logYProperty() {
        return logY;
    }

    public BooleanProperty showRawProperty() {
        return showRaw;
    }

    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }
}
