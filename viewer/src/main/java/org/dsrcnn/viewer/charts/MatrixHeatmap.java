package org.dsrcnn.viewer.charts;

import java.util.List;
import java.util.function.DoubleFunction;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A matrix as a heat map: one cell per (row, column), its colour from the value (viridis over
 * [min, max] unless {@link #colorScaleProperty()} says otherwise), with optional row and column
 * headers (text on a colour swatch), marked cells (outlined, e.g. the pairs a matcher chose), a
 * selected row and column, and a display order for rows and columns. Both the DPG weights
 * (proposals x experts) and the assignment cost matrix (GT + background x predictions) are one.
 *
 * <p>All indices in the API are data indices; {@link #rowOrderProperty()} and {@link
 * #columnOrderProperty()} say which data row / column is shown at each position (null = as given).
 */
public class MatrixHeatmap extends CanvasChart {

    /** Reacts to a click: data row and column, -1 for a header (row -1 = column header). */
    @FunctionalInterface
    public interface CellHandler {
        void clicked(int row, int column, MouseEvent event);
    }

    private final ObjectProperty<double[][]> values = new SimpleObjectProperty<>(this, "values");
    private final ObjectProperty<int[]> rowOrder = new SimpleObjectProperty<>(this, "rowOrder");
    private final ObjectProperty<int[]> columnOrder = new SimpleObjectProperty<>(this, "columnOrder");
    private final ObjectProperty<List<String>> rowLabels = new SimpleObjectProperty<>(this, "rowLabels");
    private final ObjectProperty<List<Color>> rowColors = new SimpleObjectProperty<>(this, "rowColors");
    private final ObjectProperty<List<String>> columnLabels = new SimpleObjectProperty<>(this, "columnLabels");
    private final ObjectProperty<List<Color>> columnColors = new SimpleObjectProperty<>(this, "columnColors");
    private final ObjectProperty<boolean[][]> marks = new SimpleObjectProperty<>(this, "marks");
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final IntegerProperty selectedColumn = new SimpleIntegerProperty(this, "selectedColumn", -1);
    private final DoubleProperty min = new SimpleDoubleProperty(this, "min", Double.NaN);
    private final DoubleProperty max = new SimpleDoubleProperty(this, "max", Double.NaN);
    private final ObjectProperty<DoubleFunction<Color>> colorScale =
            new SimpleObjectProperty<>(this, "colorScale", Viridis::of);
    private final ReadOnlyObjectWrapper<int[]> hoveredCell = new ReadOnlyObjectWrapper<>(this, "hoveredCell");
    private final DoubleProperty leftMargin = new SimpleDoubleProperty(this, "leftMargin", 34);
    private final DoubleProperty headerHeight = new SimpleDoubleProperty(this, "headerHeight", 18);
    private CellHandler onCellClicked = (r, c, e) -> { };

    /** Right margin (px). */
    static final double RIGHT = 6;

    public MatrixHeatmap(String emptyText) {
        super(emptyText);
        InvalidationListener redraw = o -> redraw();
        for (javafx.beans.Observable o : List.of(values, rowOrder, columnOrder, rowLabels, rowColors, columnLabels,
                columnColors, marks, selectedRow, selectedColumn, min, max, colorScale, leftMargin, headerHeight)) {
            o.addListener(redraw);
        }
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (rows() == 0) {
                return;
            }
            int c = columnAt(e.getX());
            int r = rowAt(e.getY());
            if (e.getY() < headerHeight.get()) {
                if (c >= 0) {
                    onCellClicked.clicked(-1, c, e);
                }
            } else if (r >= 0) {
                onCellClicked.clicked(r, e.getX() < leftMargin.get() ? -1 : c, e);
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int r = rowAt(e.getY());
            int c = columnAt(e.getX());
            hoveredCell.set(r >= 0 && c >= 0 ? new int[] {r, c} : null);
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoveredCell.set(null));
    }

    /** (rows, columns) values; null = no data. */
    public final ObjectProperty<double[][]> valuesProperty() {
        return values;
    }

    /** Data row shown at each position (null = 0..rows-1). */
    public final ObjectProperty<int[]> rowOrderProperty() {
        return rowOrder;
    }

    /** Data column shown at each position (null = 0..columns-1). */
    public final ObjectProperty<int[]> columnOrderProperty() {
        return columnOrder;
    }

    /** Text at the left of each data row (null or shorter = none; see {@link #drawRowLabels}). */
    public final ObjectProperty<List<String>> rowLabelsProperty() {
        return rowLabels;
    }

    /** Swatch colour of each data row's label (null = no swatch). */
    public final ObjectProperty<List<Color>> rowColorsProperty() {
        return rowColors;
    }

    /** Header text of each data column (null = no header text). */
    public final ObjectProperty<List<String>> columnLabelsProperty() {
        return columnLabels;
    }

    /** Header swatch colour of each data column (null = none). */
    public final ObjectProperty<List<Color>> columnColorsProperty() {
        return columnColors;
    }

    /** Cells drawn outlined, [row][column] (null = none). */
    public final ObjectProperty<boolean[][]> marksProperty() {
        return marks;
    }

    /** Highlighted data row, or -1. */
    public final IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /** Highlighted data column, or -1. */
    public final IntegerProperty selectedColumnProperty() {
        return selectedColumn;
    }

    /** The value drawn darkest (NaN = the smallest finite value). */
    public final DoubleProperty minProperty() {
        return min;
    }

    /** The value drawn brightest (NaN = the largest finite value). */
    public final DoubleProperty maxProperty() {
        return max;
    }

    /** Maps a value scaled to [0, 1] to a colour (viridis by default). */
    public final ObjectProperty<DoubleFunction<Color>> colorScaleProperty() {
        return colorScale;
    }

    /** The cell under the mouse as {data row, data column}, or null. */
    public final ReadOnlyObjectProperty<int[]> hoveredCellProperty() {
        return hoveredCell.getReadOnlyProperty();
    }

    /** Width of the row-label margin (px). */
    public final DoubleProperty leftMarginProperty() {
        return leftMargin;
    }

    /** Height of the column header (px). */
    public final DoubleProperty headerHeightProperty() {
        return headerHeight;
    }

    public final void setOnCellClicked(CellHandler handler) {
        this.onCellClicked = handler == null ? (r, c, e) -> { } : handler;
    }

    /** Number of data rows (0 without data). */
    public final int rows() {
        double[][] v = values.get();
        return v == null ? 0 : v.length;
    }

    /** Number of data columns (0 without data). */
    public final int columns() {
        double[][] v = values.get();
        return v == null || v.length == 0 ? 0 : v[0].length;
    }

    /** Data row at each display position. */
    public final int[] displayedRows() {
        return order(rowOrder.get(), rows());
    }

    /** Data column at each display position. */
    public final int[] displayedColumns() {
        return order(columnOrder.get(), columns());
    }

    private static int[] order(int[] given, int n) {
        if (given != null && given.length == n) {
            return given.clone();
        }
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }

    private double rowHeight() {
        return (getHeight() - headerHeight.get()) / Math.max(1, rows());
    }

    private double columnWidth() {
        return (getWidth() - leftMargin.get() - RIGHT) / Math.max(1, columns());
    }

    /** The data row shown at local y, or -1 outside the rows (the header is outside). */
    public final int rowAt(double y) {
        int n = rows();
        if (n == 0 || y < headerHeight.get()) {
            return -1;
        }
        int r = (int) Math.floor((y - headerHeight.get()) / rowHeight());
        return r >= 0 && r < n ? displayedRows()[r] : -1;
    }

    /** The data column shown at local x, or -1 outside the columns. */
    public final int columnAt(double x) {
        int n = columns();
        if (n == 0 || x < leftMargin.get()) {
            return -1;
        }
        int c = (int) Math.floor((x - leftMargin.get()) / columnWidth());
        return c >= 0 && c < n ? displayedColumns()[c] : -1;
    }

    /** {top, height} of data row r, or null when absent. */
    public final double[] rowBounds(int r) {
        int[] o = displayedRows();
        for (int i = 0; i < o.length; i++) {
            if (o[i] == r) {
                return new double[] {headerHeight.get() + i * rowHeight(), rowHeight()};
            }
        }
        return null;
    }

    /** {left, width} of data column c, or null when absent. */
    public final double[] columnBounds(int c) {
        int[] o = displayedColumns();
        for (int i = 0; i < o.length; i++) {
            if (o[i] == c) {
                return new double[] {leftMargin.get() + i * columnWidth(), columnWidth()};
            }
        }
        return null;
    }

    @Override
    void draw(GraphicsContext gc, double w, double h) {
        double[][] v = values.get();
        gc.setFont(FONT);
        if (v == null || v.length == 0 || v[0].length == 0) {
            drawEmpty(gc, w, h);
            return;
        }
        int[] rowsShown = displayedRows();
        int[] colsShown = displayedColumns();
        double lo = min.get();
        double hi = max.get();
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            double a = Double.POSITIVE_INFINITY;
            double b = Double.NEGATIVE_INFINITY;
            for (double[] row : v) {
                for (double x : row) {
                    if (Double.isFinite(x)) {
                        a = Math.min(a, x);
                        b = Math.max(b, x);
                    }
                }
            }
            lo = Double.isNaN(lo) ? a : lo;
            hi = Double.isNaN(hi) ? b : hi;
        }
        double span = hi > lo ? hi - lo : 1;
        double left = leftMargin.get();
        double top = headerHeight.get();
        double cw = columnWidth();
        double rh = rowHeight();
        DoubleFunction<Color> scale = colorScale.get();
        for (int i = 0; i < rowsShown.length; i++) {
            double y = top + i * rh;
            double[] row = v[rowsShown[i]];
            for (int j = 0; j < colsShown.length; j++) {
                double x = row[colsShown[j]];
                gc.setFill(Double.isFinite(x) ? scale.apply((x - lo) / span) : Color.gray(0.5));
                gc.fillRect(left + j * cw, y, cw + 0.5, rh + 0.5);
            }
        }
        boolean[][] m = marks.get();
        if (m != null) {
            gc.setStroke(Color.WHITE);
            gc.setLineWidth(Math.max(1, Math.min(2, cw / 3)));
            for (int i = 0; i < rowsShown.length; i++) {
                int r = rowsShown[i];
                if (r >= m.length) {
                    continue;
                }
                for (int j = 0; j < colsShown.length; j++) {
                    int c = colsShown[j];
                    if (c < m[r].length && m[r][c]) {
                        gc.strokeRect(left + j * cw + 0.5, top + i * rh + 0.5, Math.max(1, cw - 1), Math.max(1, rh - 1));
                    }
                }
            }
        }
        drawColumnHeader(gc, colsShown, left, cw, top);
        drawRowLabels(gc, rowsShown, left, top, rh, h);
        Color highlight = Color.web("#ffd400");
        gc.setStroke(highlight);
        gc.setLineWidth(2);
        double[] rb = selectedRow.get() >= 0 ? rowBounds(selectedRow.get()) : null;
        if (rb != null) {
            gc.strokeRect(left - 1, rb[0] - 1, w - left - RIGHT + 2, Math.max(2, rb[1]) + 2);
        }
        double[] cb = selectedColumn.get() >= 0 ? columnBounds(selectedColumn.get()) : null;
        if (cb != null) {
            gc.strokeRect(cb[0] - 1, top - 1, Math.max(2, cb[1]) + 2, h - top + 1);
        }
    }

    /** The header: one swatch with its text per column when given and wide enough. */
    void drawColumnHeader(GraphicsContext gc, int[] colsShown, double left, double cw, double top) {
        List<String> labels = columnLabels.get();
        List<Color> colors = columnColors.get();
        if (labels == null && colors == null) {
            return;
        }
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int j = 0; j < colsShown.length; j++) {
            int c = colsShown[j];
            double x = left + j * cw;
            if (colors != null && c < colors.size()) {
                gc.setFill(colors.get(c));
                gc.fillRect(x + 1, 2, Math.max(1, cw - 2), top - 4);
            }
            if (labels != null && c < labels.size() && cw > 14) {
                gc.setFill(colors != null ? Color.WHITE : INK);
                gc.fillText(labels.get(c), x + cw / 2, top / 2, cw);
            }
        }
    }

    /**
     * Row labels in the left margin: every row's when each row is at least 12 px tall, else only
     * the first and the last row's (and the selected row's, marked with an arrow).
     */
    void drawRowLabels(GraphicsContext gc, int[] rowsShown, double left, double top, double rh, double h) {
        List<String> labels = rowLabels.get();
        if (labels == null || rowsShown.length == 0) {
            return;
        }
        List<Color> colors = rowColors.get();
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        int sel = selectedRow.get();
        if (rh >= 12) {
            for (int i = 0; i < rowsShown.length; i++) {
                int r = rowsShown[i];
                double y = top + i * rh;
                if (colors != null && r < colors.size()) {
                    gc.setFill(colors.get(r));
                    gc.fillRect(2, y + 1, 5, rh - 2);
                }
                gc.setFill(r == sel ? Color.web("#bf8700") : INK);
                if (r < labels.size()) {
                    gc.fillText(labels.get(r), left - 3, y + rh / 2, left - 12);
                }
            }
            return;
        }
        double[] b = sel >= 0 ? rowBounds(sel) : null;
        double selY = b == null ? Double.NaN : b[0] + b[1] / 2;
        gc.setFill(MUTED);
        double firstY = top + 6;
        double lastY = h - 6;
        int first = rowsShown[0];
        int last = rowsShown[rowsShown.length - 1];
        if (!(Math.abs(selY - firstY) < 12) && first < labels.size()) {
            gc.fillText(labels.get(first), left - 3, firstY);
        }
        if (!(Math.abs(selY - lastY) < 12) && last < labels.size()) {
            gc.fillText(labels.get(last), left - 3, lastY);
        }
        if (b != null && sel < labels.size()) {
            gc.setFill(Color.web("#bf8700"));
            gc.fillText(labels.get(sel) + " \u25B6", left - 2, Math.max(top + 6, Math.min(h - 6, selY)));
        }
    }
}
