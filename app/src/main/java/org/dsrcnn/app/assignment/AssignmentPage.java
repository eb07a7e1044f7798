package org.dsrcnn.app.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.dsrcnn.app.main.DialogService;
import org.dsrcnn.app.main.Icons;
import org.dsrcnn.app.main.KeyBindings;
import org.dsrcnn.app.main.Page;
import org.dsrcnn.app.session.AnalysisSession;
import org.dsrcnn.app.session.GroundTruthEditor;
import org.dsrcnn.engine.assign.Assignment;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.viewer.StageScrubber;
import org.dsrcnn.viewer.canvas.BoxEditTool;
import org.dsrcnn.viewer.canvas.DetectionCanvas;
import org.dsrcnn.viewer.canvas.EditableBoxesLayer;
import org.dsrcnn.viewer.canvas.LabeledBoxes;
import org.dsrcnn.viewer.charts.MatrixHeatmap;
import org.dsrcnn.viewer.charts.StageSeriesChart;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The Assignment page's layout: a tool bar (draw, delete, undo, redo, class, load / save the boxes,
 * compare), the canvas where GT boxes are drawn and edited with the assignment drawn over stage t's
 * predictions (with Compare: OTA left, Hungarian right, sharing zoom and pan), the stage scrubber,
 * the cost matrix below, and on the right the matcher settings, the summary, the per-GT table,
 * positives per stage for both matchers and the selected proposal's assignment per stage. Layout
 * and bindings only: every action calls the view-model.
 */
public final class AssignmentPage extends BorderPane implements Page {

    /** Distinct colours for GT boxes, by GT index (Tableau 10). */
    static final List<Color> GT_COLORS = List.of(Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"),
            Color.web("#76b7b2"), Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"),
            Color.web("#ff9da7"), Color.web("#9c755f"), Color.web("#bab0ac"));

    final AssignmentViewModel vm;
    final DialogService dialogs;
    final DetectionCanvas canvas = new DetectionCanvas();
    final DetectionCanvas compareCanvas = new DetectionCanvas();
    final EditableBoxesLayer gtLayer = new EditableBoxesLayer("editableGt");
    final EditableBoxesLayer compareGtLayer = new EditableBoxesLayer("editableGt");
    final AssignmentLayer lines = new AssignmentLayer("assignment");
    final AssignmentLayer compareLines = new AssignmentLayer("assignment");
    final BoxEditTool tool;
    final StageScrubber scrubber = new StageScrubber();
    final MatrixHeatmap costs = new MatrixHeatmap("no GT boxes: press w and drag on the image");
    final Label costHover = new Label();
    final TableView<AssignmentViewModel.GtRow> table = new TableView<>();
    final StageSeriesChart positives = new StageSeriesChart("positives per stage");
    final HBox follow = new HBox(4);
    final Label summary = new Label();
    final ComboBox<String> classBox = new ComboBox<>();
    private final Label leftTitle = new Label();
    private final Label rightTitle = new Label("Hungarian");
    private final KeyBindings keys = new KeyBindings();

    public AssignmentPage(AssignmentViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        setId("assignment-page");
        GroundTruthEditor editor = vm.editor();
        tool = new BoxEditTool(editor);
        tool.drawModeProperty().bindBidirectional(vm.drawModeProperty());
        setupCanvas(canvas, gtLayer, lines);
        setupCanvas(compareCanvas, compareGtLayer, compareLines);
        canvas.setId("assignment-canvas");
        compareCanvas.setId("compare-canvas");
        canvas.toolProperty().set(tool);
        canvas.viewProperty().addListener((obs, o, v) -> compareCanvas.setView(v[0], v[1], v[2]));
        compareCanvas.viewProperty().addListener((obs, o, v) -> canvas.setView(v[0], v[1], v[2]));

        AnalysisSession s = vm.session();
        javafx.beans.InvalidationListener redraw = o -> refresh();
        for (javafx.beans.Observable o : List.of(vm.resultProperty(), editor.boxesProperty(), editor.selectedProperty(),
                editor.drawingProperty(), vm.compareProperty(), vm.kindProperty())) {
            o.addListener(redraw);
        }
        s.traceProperty().addListener((obs, o, t) -> fillClasses(t));

        setTop(toolBar());
        setCenter(center());
        setRight(panel());
        bindKeys();
        refresh();
    }

    private void setupCanvas(DetectionCanvas c, EditableBoxesLayer gt, AssignmentLayer a) {
        AnalysisSession s = vm.session();
        c.imageProperty().bind(s.imageProperty());
        c.traceProperty().bind(s.traceProperty());
        c.placeholderProperty().bind(s.canvasMessageProperty());
        c.stageProperty().bind(Bindings.createIntegerBinding(vm::stage, s.stageProperty(), s.traceProperty()));
        c.showDetectionsProperty().set(false);
        c.showGroundTruthProperty().set(false);
        c.showExpertBoxesProperty().set(false);
        c.selectedProposalProperty().bindBidirectional(s.selectedProposalProperty());
        c.addLayer(a);
        c.addLayer(gt);
    }

    private void refresh() {
        GroundTruthEditor editor = vm.editor();
        LabeledBoxes gt = editor.boxesProperty().get();
        DetectionTrace t = vm.session().traceProperty().get();
        List<String> captions = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (int i = 0; i < gt.size(); i++) {
            int label = gt.labels()[i];
            String name = t != null && label >= 0 && label < t.classNames().size() ? t.classNames().get(label) : "?";
            captions.add("GT " + i + " " + name);
            colors.add(GT_COLORS.get(i % GT_COLORS.size()));
        }
        gtLayer.boxesProperty().set(new EditableBoxesLayer.Boxes(gt.boxes(), captions, colors,
                editor.selectedProperty().get(), editor.drawingProperty().get()));
        compareGtLayer.boxesProperty().set(new EditableBoxesLayer.Boxes(gt.boxes(), captions, colors, -1, null));

        AssignmentResult r = vm.resultProperty().get();
        boolean comparing = vm.compareProperty().get();
        compareCanvas.setVisible(comparing);
        compareCanvas.setManaged(comparing);
        rightTitle.setVisible(comparing);
        rightTitle.setManaged(comparing);
        if (r == null || t == null) {
            lines.dataProperty().set(null);
            compareLines.dataProperty().set(null);
            costs.valuesProperty().set(null);
            positives.seriesProperty().set(List.of());
            leftTitle.setText("");
            return;
        }
        float[][] boxes = t.stages().get(r.stage()).boxes();
        Assignment left = comparing ? r.ota() : r.chosen();
        leftTitle.setText(comparing ? "OTA" : left.matcher().equals("ota") ? "OTA" : "Hungarian");
        // the palette, not the boxes' colours: a result may be one edit behind the boxes
        lines.dataProperty().set(new AssignmentLayer.Data(boxes, pageIndices(left, r), gt.boxes(), GT_COLORS));
        compareLines.dataProperty().set(comparing
                ? new AssignmentLayer.Data(boxes, pageIndices(r.hungarian(), r), gt.boxes(), GT_COLORS) : null);
        fillCosts(r);
        positives.seriesProperty().set(List.of(
                new StageSeriesChart.Series("OTA", Color.web("#cf222e"), toDouble(r.otaPositives())),
                new StageSeriesChart.Series("Hungarian", Color.web("#0969da"), toDouble(r.hungarianPositives()))));
        positives.currentStageProperty().set(r.stage());
    }

    private static int[] pageIndices(Assignment a, AssignmentResult r) {
        int[] out = a.gtOfPrediction().clone();
        for (int j = 0; j < out.length; j++) {
            out[j] = out[j] >= 0 ? r.gtIndex()[out[j]] : -1;
        }
        return out;
    }

    private void fillCosts(AssignmentResult r) {
        Assignment a = r.chosen();
        int m = a.costs().rows();
        if (m == 0) {
            costs.valuesProperty().set(null); // a lone background row says nothing
            return;
        }
        int n = a.numPredictions();
        double[][] values = new double[m + 1][n];
        boolean[][] marks = new boolean[m + 1][n];
        for (int i = 0; i < m; i++) {
            values[i] = a.costs().total()[i].clone();
        }
        // the background row's cost is 0 everywhere (README, "Label assignment"): drawn grey, not as a colour
        java.util.Arrays.fill(values[m], Double.NaN);
        for (int j = 0; j < n; j++) {
            int g = a.gtOfPrediction()[j];
            if (g >= 0) {
                marks[g][j] = true; // the background row stays unmarked: at 300 columns its marks were noise
            }
        }
        List<String> rowLabels = new ArrayList<>();
        List<Color> rowColors = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            rowLabels.add("GT " + r.gtIndex()[i]);
            rowColors.add(GT_COLORS.get(r.gtIndex()[i] % GT_COLORS.size()));
        }
        rowLabels.add("bg");
        rowColors.add(Color.gray(0.6));
        costs.rowLabelsProperty().set(rowLabels);
        costs.rowColorsProperty().set(rowColors);
        costs.columnOrderProperty().set(r.columnOrder());
        // cheap (good) pairs bright: the scale runs from the largest cost to the smallest
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            for (double v : values[i]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        costs.minProperty().set(m == 0 ? 0 : lo);
        costs.maxProperty().set(m == 0 ? 1 : hi);
        costs.marksProperty().set(marks);
        costs.valuesProperty().set(values);
    }

    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private void fillClasses(DetectionTrace t) {
        List<String> names = t == null ? List.of() : t.classNames();
        if (!names.equals(classBox.getItems())) {
            classBox.setItems(FXCollections.observableArrayList(names));
        }
        int label = vm.editor().newLabelProperty().get();
        classBox.getSelectionModel().select(label >= 0 && label < names.size() ? label : 0);
    }

    private Node toolBar() {
        ToggleButton draw = new ToggleButton("Draw box", Icons.small(MaterialDesignV.VECTOR_SQUARE));
        draw.setId("draw-box");
        draw.setTooltip(new Tooltip("then drag on the image to draw a GT box (w)"));
        draw.selectedProperty().bindBidirectional(vm.drawModeProperty());
        Button delete = button("delete-box", null, MaterialDesignD.DELETE_OUTLINE, "Delete the selected box (Delete)",
                vm::deleteSelected);
        delete.disableProperty().bind(vm.editor().selectedProperty().lessThan(0));
        Button undo = button("undo", null, MaterialDesignU.UNDO, "Undo (Ctrl+Z)", vm.editor()::undo);
        undo.disableProperty().bind(vm.editor().canUndoProperty().not());
        Button redo = button("redo", null, MaterialDesignR.REDO, "Redo (Ctrl+Shift+Z)", vm.editor()::redo);
        redo.disableProperty().bind(vm.editor().canRedoProperty().not());
        classBox.setId("class-box");
        classBox.setTooltip(new Tooltip("class of the selected box and of the next one (1-9)"));
        classBox.setPrefWidth(110);
        classBox.setFocusTraversable(false);
        classBox.getSelectionModel().selectedIndexProperty().addListener((obs, o, i) -> {
            if (i.intValue() >= 0) {
                vm.setClass(i.intValue());
            }
        });
        vm.editor().selectedProperty().addListener((obs, o, i) -> {
            LabeledBoxes gt = vm.editor().boxesProperty().get();
            if (i.intValue() >= 0 && i.intValue() < gt.size()) {
                classBox.getSelectionModel().select(gt.labels()[i.intValue()]);
            }
        });
        Button load = button("load-gt", "Load…", MaterialDesignF.FOLDER_OPEN_OUTLINE,
                "Read GT boxes from a COCO annotation file", () -> dialogs.openFile("Load GT boxes", "COCO JSON", "json")
                        .ifPresent(vm::loadGroundTruth));
        Button save = button("save-gt", "Save…", MaterialDesignC.CONTENT_SAVE_OUTLINE,
                "Save the GT boxes as a COCO annotation file", () -> dialogs.saveFile("Save GT boxes",
                        baseName() + "-gt.json", "COCO JSON", "json").ifPresent(vm::saveGroundTruth));
        Button problem = button("export-problem", "Problem…", MaterialDesignE.EXPORT_VARIANT,
                "Save this stage's predictions and GT as a dsrcnn assign problem file", this::exportProblem);
        ToggleButton compare = new ToggleButton("Compare", Icons.small(MaterialDesignC.COMPARE_HORIZONTAL));
        compare.setId("compare-toggle");
        compare.setTooltip(new Tooltip("OTA and Hungarian side by side (c)"));
        compare.selectedProperty().bindBidirectional(vm.compareProperty());
        Button fit = button("assignment-fit", null, MaterialDesignF.FIT_TO_PAGE_OUTLINE, "Fit (f)", canvas::fit);
        for (ToggleButton b : List.of(draw, compare)) {
            b.setFocusTraversable(false);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(draw, delete, undo, redo, new Label("Class"), classBox, new Separator(), load, save,
                problem, new Separator(), compare, fit, spacer);
        bar.setId("assignment-tool-bar");
        return bar;
    }

    private Button button(String id, String text, Ikon icon, String tip, Runnable run) {
        Button b = new Button(text, Icons.small(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> run.run());
        if (text == null) {
            b.getStyleClass().add("button-icon");
        }
        return b;
    }

    private void exportProblem() {
        String json = vm.problemJson();
        if (json == null) {
            vm.session().notices().warn("no trace to export");
            return;
        }
        dialogs.saveFile("Export assignment problem", baseName() + "-stage" + vm.stage() + "-problem.json", "JSON",
                "json").ifPresent(f -> vm.session().executor().submit("Exporting problem", p -> {
                    org.dsrcnn.engine.model.io.AtomicFiles.writeString(f, json);
                    return f;
                }, file -> vm.session().notices().info("problem saved to " + file + " (dsrcnn assign --problem)"),
                        e -> vm.session().notices().error("cannot write " + f.getFileName() + ": " + e.getMessage())));
    }

    private String baseName() {
        var p = vm.session().imagePathProperty().get();
        if (p == null) {
            return "dsrcnn";
        }
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private Node center() {
        leftTitle.setId("left-title");
        rightTitle.setId("right-title");
        for (Label l : List.of(leftTitle, rightTitle)) {
            l.getStyleClass().add("text-bold");
            l.setStyle("-fx-background-color: rgba(0,0,0,0.55); -fx-text-fill: white; -fx-padding: 2 8 2 8;");
            l.setMouseTransparent(true);
            StackPane.setAlignment(l, Pos.TOP_LEFT);
            StackPane.setMargin(l, new Insets(6));
        }
        StackPane left = new StackPane(canvas, leftTitle);
        StackPane right = new StackPane(compareCanvas, rightTitle);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setMinWidth(100);
        right.setMinWidth(100);
        right.visibleProperty().bind(vm.compareProperty());
        right.managedProperty().bind(vm.compareProperty());
        // half or all of the width: fit the image again once the canvases have their new size
        // (each canvas refits itself when the split changes its size, unless the user zoomed)
        HBox canvases = new HBox(2, left, right);

        scrubber.setId("assignment-stage");
        scrubber.stageProperty().bindBidirectional(vm.session().stageProperty());
        scrubber.stagesProperty().bind(vm.session().numStagesProperty());
        HBox stageRow = new HBox(8, scrubber);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        stageRow.setPadding(new Insets(4, 10, 4, 10));

        costs.setId("cost-matrix");
        costs.leftMarginProperty().set(48);
        costs.colorScaleProperty().set(v -> org.dsrcnn.viewer.charts.Viridis.of(1 - v)); // cheap = bright
        costs.setPrefHeight(150);
        costs.setMinHeight(90);
        costs.hoveredCellProperty().addListener((obs, o, c) -> costHover.setText(
                c == null ? "" : vm.describeCell(c[0], c[1])));
        costs.setOnCellClicked((row, col, e) -> {
            if (col >= 0) {
                vm.session().selectedProposalProperty().set(col);
            }
        });
        costs.selectedColumnProperty().bind(vm.session().selectedProposalProperty());
        costHover.setId("cost-hover");
        costHover.getStyleClass().add("text-small");
        Label costTitle = new Label("Cost matrix: GT rows + background against the predictions (grouped by "
                + "assigned GT, then by cost; outlined = assigned; bright = cheap; click = select)");
        costTitle.getStyleClass().add("text-small");
        costTitle.setWrapText(true);
        VBox costBox = new VBox(2, costTitle, costs, costHover);
        costBox.setPadding(new Insets(4, 10, 6, 10));
        VBox.setVgrow(costs, Priority.ALWAYS);

        VBox top = new VBox(canvases, stageRow);
        VBox.setVgrow(canvases, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, costBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.74);
        return split;
    }

    private Node panel() {
        ComboBox<MatcherSettings.Kind> kind = new ComboBox<>(FXCollections.observableArrayList(MatcherSettings.Kind.values()));
        kind.setId("matcher-kind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        Spinner<Integer> k = intSpinner("fixed-k", 1, 100, vm.fixedKProperty());
        k.disableProperty().bind(vm.kindProperty().isNotEqualTo(MatcherSettings.Kind.OTA_FIXED_K));
        Spinner<Integer> q = intSpinner("q", 1, 100, vm.qProperty());
        q.disableProperty().bind(vm.kindProperty().isNotEqualTo(MatcherSettings.Kind.OTA_DYNAMIC_K));
        CheckBox unit = new CheckBox("unit increasing (Eq. 2)");
        unit.setId("unit-increasing");
        unit.selectedProperty().bindBidirectional(vm.unitIncreasingProperty());
        CheckBox cap = new CheckBox("at most 80 % positives");
        cap.setId("cap");
        cap.selectedProperty().bindBidirectional(vm.capProperty());
        Spinner<Double> eps = new Spinner<>(0.01, 10.0, vm.epsProperty().get(), 0.01);
        eps.setId("eps");
        eps.setEditable(true);
        eps.getValueFactory().valueProperty().addListener((obs, o, v) -> {
            if (v != null) {
                vm.epsProperty().set(v);
            }
        });
        vm.epsProperty().addListener((obs, o, v) -> eps.getValueFactory().setValue(v.doubleValue()));
        Spinner<Integer> iters = intSpinner("sinkhorn-iters", 1, 1000, vm.iterationsProperty());
        for (Node n : List.of(unit, cap, eps)) {
            n.disableProperty().bind(vm.kindProperty().isEqualTo(MatcherSettings.Kind.HUNGARIAN));
        }
        iters.disableProperty().bind(vm.kindProperty().isEqualTo(MatcherSettings.Kind.HUNGARIAN));
        Button defaults = new Button("Model's settings");
        defaults.setId("model-settings");
        defaults.setTooltip(new Tooltip("back to the loaded model's training settings"));
        defaults.setOnAction(e -> {
            if (vm.session().modelProperty().get() != null) {
                vm.useModelSettings(vm.session().modelProperty().get());
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        grid.addRow(0, new Label("Matcher"), kind);
        grid.addRow(1, new Label("fixed k"), k);
        grid.addRow(2, new Label("q (dynamic k)"), q);
        grid.add(unit, 0, 3, 2, 1);
        grid.add(cap, 0, 4, 2, 1);
        grid.addRow(5, new Label("Sinkhorn ε"), eps);
        grid.addRow(6, new Label("iterations"), iters);
        grid.add(defaults, 0, 7, 2, 1);

        summary.setId("assignment-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("text-small");

        table.setId("gt-table");
        table.setPrefHeight(170);
        table.setStyle("-fx-font-size: 11px;");
        table.setTooltip(new Tooltip("k: OTA's estimate, floor of the sum of the q best IoUs (dynamic) or the fixed k\n"
                + "k*: after unit increasing, max(1, k - 0.5 (T - t)), and the 80 % cap\n"
                + "pos: positives; cost, IoU: their means; best: the best IoU of any prediction"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("no GT boxes: press w and drag"));
        table.getColumns().setAll(List.of(
                column("GT", r -> String.valueOf(r.index())),
                column("class", AssignmentViewModel.GtRow::className),
                column("k", r -> fmt(r.k(), 0)),
                column("k*", r -> fmt(r.kStar(), 2)),
                column("pos", r -> String.valueOf(r.positives())),
                column("cost", r -> fmt(r.meanCost(), 2)),
                column("IoU", r -> fmt(r.meanIou(), 2)),
                column("best", r -> fmt(r.bestIou(), 2))));
        vm.rowsProperty().addListener((obs, o, rows) -> table.getItems().setAll(rows));
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, row) -> {
            if (row != null) {
                vm.editor().select(row.index());
            }
        });

        positives.setId("positives-chart");
        follow.setId("follow-strip");
        vm.followProperty().addListener((obs, o, cells) -> fillFollow(cells));
        fillFollow(List.of());

        VBox box = new VBox(8, title("Matcher", MaterialDesignS.SHUFFLE_VARIANT), grid, summary,
                title("Per GT", MaterialDesignD.DOTS_GRID), table,
                title("Positives per stage", MaterialDesignC.CHART_LINE), positives,
                title("Selected proposal per stage", MaterialDesignC.CROSSHAIRS_GPS), follow);
        box.setPadding(new Insets(8, 10, 8, 10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(350);
        scroll.setMinWidth(280);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private void fillFollow(List<AssignmentViewModel.FollowCell> cells) {
        follow.getChildren().clear();
        if (cells.isEmpty()) {
            Label none = new Label("click a prediction or a cost-matrix column");
            none.getStyleClass().add("text-muted");
            follow.getChildren().add(none);
            return;
        }
        for (AssignmentViewModel.FollowCell c : cells) {
            Label l = new Label("t" + c.stage() + "\n" + (c.gt() < 0 ? "bg" : "GT " + c.gt())
                    + "\n" + (Double.isNaN(c.cost()) ? "" : fmt(c.cost(), 2)));
            l.setId("follow-" + c.stage());
            l.setMinWidth(40);
            l.setAlignment(Pos.CENTER);
            Color col = c.gt() < 0 ? Color.gray(0.85) : GT_COLORS.get(c.gt() % GT_COLORS.size());
            l.setStyle("-fx-background-color: " + web(col) + "; -fx-padding: 3; -fx-background-radius: 3;"
                    + " -fx-font-size: 11px; -fx-text-fill: " + (c.gt() < 0 ? "#24292f" : "white") + ";");
            follow.getChildren().add(l);
        }
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
                (int) (c.getBlue() * 255));
    }

    private static TableColumn<AssignmentViewModel.GtRow, String> column(String name,
            java.util.function.Function<AssignmentViewModel.GtRow, String> value) {
        TableColumn<AssignmentViewModel.GtRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(value.apply(d.getValue())));
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    private static String fmt(double v, int digits) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, javafx.beans.property.IntegerProperty p) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        s.getValueFactory().valueProperty().addListener((obs, o, v) -> {
            if (v != null && v != p.get()) {
                p.set(v);
            }
        });
        p.addListener((obs, o, v) -> s.getValueFactory().setValue(v.intValue()));
        return s;
    }

    private static Label title(String text, Ikon icon) {
        Label l = new Label(text, Icons.small(icon));
        l.getStyleClass().add("title-4");
        return l;
    }

    private void bindKeys() {
        GroundTruthEditor editor = vm.editor();
        keys.onTyped("w", "w", "draw a box: then drag on the image", () -> vm.drawModeProperty().set(true))
                .describe("click / drag a box", "select it / move it")
                .describe("drag a handle", "resize the selected box (eight handles)")
                .onPressed(e -> e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE, "Delete",
                        "delete the selected box", vm::deleteSelected)
                .onKeyEvent(e -> arrow(e.getCode()) != null && editor.selectedProperty().get() >= 0, "arrows",
                        "nudge the selected box by 1 px (Shift: 10 px)", e -> {
                            double step = e.isShiftDown() ? 10 : 1;
                            int[] d = arrow(e.getCode());
                            vm.nudge(d[0] * step, d[1] * step);
                        })
                .onKeyEvent(e -> !e.isShortcutDown() && KeyBindings.digit(e.getCode()) >= 1, "1 … 9",
                        "class of the selected box (and of the next one)",
                        e -> vm.setClass(KeyBindings.digit(e.getCode()) - 1))
                .onPressed(KeyCombination.keyCombination("Shortcut+Shift+Z"), "Ctrl+Shift+Z / Ctrl+Y", "redo", editor::redo)
                .onPressed(KeyCombination.keyCombination("Shortcut+Y"), null, null, editor::redo)
                .onPressed(KeyCombination.keyCombination("Shortcut+Z"), "Ctrl+Z", "undo", editor::undo)
                .onPressed(e -> e.getCode() == KeyCode.ESCAPE, "Esc", "cancel a drag / draw; else clear the selection",
                        () -> {
                            if (tool.cancel(canvas)) {
                                editor.dragCancelled();
                            } else if (vm.drawModeProperty().get()) {
                                vm.drawModeProperty().set(false);
                            } else {
                                editor.select(-1);
                                vm.session().selectedProposalProperty().set(-1);
                            }
                        })
                .onTyped("[", "[ / ]", "previous / next stage", () -> stepStage(-1))
                .onTyped("]", null, null, () -> stepStage(1))
                .onTyped("c", "c", "compare OTA and Hungarian side by side",
                        () -> vm.compareProperty().set(!vm.compareProperty().get()))
                .onTyped("h", "h", "Hungarian / OTA", () -> vm.kindProperty().set(
                        vm.kindProperty().get() == MatcherSettings.Kind.HUNGARIAN
                                ? MatcherSettings.Kind.OTA_DYNAMIC_K : MatcherSettings.Kind.HUNGARIAN))
                .onTyped("f", "f", "fit the image", canvas::fit)
                .onTyped("a", "a / d", "previous / next image", vm.session().browser()::previous)
                .onTyped("d", null, null, vm.session().browser()::next)
                .describe("wheel", "zoom at the cursor (both canvases follow)");
    }

    private void stepStage(int d) {
        int n = vm.session().numStagesProperty().get();
        vm.session().stageProperty().set(Math.max(1, Math.min(n, vm.stage() + d)));
    }

    private static int[] arrow(KeyCode c) {
        return switch (c) {
            case LEFT -> new int[] {-1, 0};
            case RIGHT -> new int[] {1, 0};
            case UP -> new int[] {0, -1};
            case DOWN -> new int[] {0, 1};
            default -> null;
        };
    }

    @Override
    public String id() {
        return "assignment";
    }

    @Override
    public String title() {
        return "Assignment";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignS.SHUFFLE_VARIANT;
    }

    @Override
    public Node view() {
        return this;
    }

    @Override
    public KeyBindings keys() {
        return keys;
    }

    @Override
    public javafx.beans.property.ReadOnlyStringProperty statusText() {
        return vm.statusTextProperty();
    }

    @Override
    public void shown() {
        fillClasses(vm.session().traceProperty().get());
        if (vm.session().stageProperty().get() < 1) {
            vm.session().stageProperty().set(1);
        }
        canvas.requestFocus();
    }

    /** The editing canvas (tests). */
    public DetectionCanvas canvas() {
        return canvas;
    }
}
