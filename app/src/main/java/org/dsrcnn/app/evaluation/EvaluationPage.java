package org.dsrcnn.app.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.dsrcnn.app.main.Icons;
import org.dsrcnn.app.main.KeyBindings;
import org.dsrcnn.app.main.Page;
import org.dsrcnn.app.service.DatasetRun;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.eval.DatasetEvaluation;
import org.dsrcnn.viewer.ClassColors;
import org.dsrcnn.viewer.charts.PrCurveChart;
import org.dsrcnn.viewer.charts.StageSeriesChart;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The Evaluation page's layout: Evaluate / Cancel, the 12 COCO numbers and AP per class on the
 * left, PR curves per class and AP per stage in the middle, the images (worst first) on the right;
 * a double click (or Enter) on an image shows it in the Explorer. Layout and bindings only.
 */
public final class EvaluationPage extends BorderPane implements Page {

    final EvaluationViewModel vm;
    final Button evaluate = new Button("Evaluate dataset", Icons.of(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
    final Button cancel = new Button("Cancel", Icons.of(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
    final GridPane numbers = new GridPane();
    final TableView<CocoMetrics.CategoryAp> classes = new TableView<>();
    final PrCurveChart curves = new PrCurveChart("evaluate a dataset to see its PR curves");
    final ToggleButton at75 = new ToggleButton("IoU 0.75");
    /** Which colour is which class in the PR chart. */
    final javafx.scene.layout.FlowPane classKey = new javafx.scene.layout.FlowPane(8, 2);
    final StageSeriesChart stages = new StageSeriesChart("AP of every stage evaluated as the last");
    final TableView<ImageRow> images = new TableView<>();
    private final KeyBindings keys = new KeyBindings();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Runnable showExplorer;

    /** @param showExplorer shows the Explorer page (after an image is opened from the table) */
    public EvaluationPage(EvaluationViewModel vm, Runnable showExplorer) {
        this.vm = vm;
        this.showExplorer = showExplorer;
        setId("evaluation-page");
        setTop(toolBar());
        SplitPane split = new SplitPane(left(), middle(), right());
        split.setDividerPositions(0.34, 0.66);
        setCenter(split);
        vm.resultProperty().addListener(o -> showResult());
        status.bind(vm.summaryProperty());
        keys.onTyped("e", "e", "evaluate the open dataset", vm::evaluate)
                .describe("double click / Enter on an image", "show it in the Explorer");
        showResult();
    }

    private ToolBar toolBar() {
        evaluate.setId("evaluate");
        evaluate.setTooltip(new Tooltip("run the model over the open dataset and score it as dsrcnn eval does (e)"));
        evaluate.setOnAction(e -> vm.evaluate());
        evaluate.disableProperty().bind(vm.session().browser().datasetProperty().isNull().or(vm.runningProperty()));
        cancel.setId("evaluate-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        Label summary = new Label();
        summary.setId("evaluation-summary");
        summary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.session().browser().datasetProperty().get() == null
                        ? "open a COCO dataset in the Explorer (Open → COCO dataset), then evaluate it"
                        : vm.summaryProperty().get(), vm.summaryProperty(), vm.session().browser().datasetProperty()));
        return new ToolBar(evaluate, cancel, new Separator(), summary);
    }

    private Node left() {
        numbers.setId("coco-numbers");
        numbers.setHgap(12);
        numbers.setVgap(2);
        TableColumn<CocoMetrics.CategoryAp, String> name = new TableColumn<>("class");
        name.setMinWidth(70);
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        classes.getColumns().add(name);
        classes.getColumns().add(number("AP", CocoMetrics.CategoryAp::ap));
        classes.getColumns().add(number("AP50", CocoMetrics.CategoryAp::ap50));
        classes.getColumns().add(number("AP75", CocoMetrics.CategoryAp::ap75));
        classes.getColumns().add(number("AR100", CocoMetrics.CategoryAp::ar100));
        classes.setId("class-ap-table");
        classes.setStyle("-fx-font-size: 11px;"); // five number columns in a third of a 900 px window
        classes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        classes.setPlaceholder(new Label("no evaluation yet"));
        VBox box = new VBox(8, title("COCO box metrics"), numbers, title("AP per class"), classes);
        VBox.setVgrow(classes, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        box.setMinWidth(0);
        return box;
    }

    private static <T> TableColumn<T, Double> number(String title, java.util.function.ToDoubleFunction<T> value) {
        TableColumn<T, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleObjectProperty<>(value.applyAsDouble(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v < 0 ? "–" : String.format(Locale.ROOT, "%.3f", v));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setMinWidth(46);
        return c;
    }

    private Node middle() {
        curves.setId("pr-curves");
        at75.setId("pr-iou75");
        at75.setTooltip(new Tooltip("curves at IoU 0.75 instead of 0.50"));
        at75.selectedProperty().addListener(o -> showResult());
        stages.setId("stage-ap");
        stages.setMinHeight(120);
        stages.setPrefHeight(180);
        HBox curvesTitle = new HBox(10, title("PR per class"), at75);
        curvesTitle.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label stagesTitle = title("AP per stage");
        stagesTitle.setTooltip(new Tooltip("every stage's boxes and scores post-processed and evaluated as if it were"
                + " the last (the paper's Figure 6)"));
        VBox box = new VBox(8, curvesTitle, curves, classKey, stagesTitle, stages);
        VBox.setVgrow(curves, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        box.setMinWidth(0);
        return box;
    }

    private Node right() {
        TableColumn<ImageRow, String> file = new TableColumn<>("image");
        file.setMinWidth(80);
        file.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().file().getFileName().toString()));
        images.getColumns().add(file);
        images.getColumns().add(number("AP", ImageRow::ap));
        images.getColumns().add(number("AP50", ImageRow::ap50));
        images.getColumns().add(count("TP", ImageRow::tp));
        images.getColumns().add(count("FP", ImageRow::fp));
        images.getColumns().add(count("FN", ImageRow::fn));
        images.setItems(vm.rows());
        images.setId("image-table");
        images.setStyle("-fx-font-size: 11px;");
        images.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        images.setPlaceholder(new Label("no evaluation yet"));
        images.setRowFactory(tv -> {
            javafx.scene.control.TableRow<ImageRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openRow(row.getItem());
                }
            });
            return row;
        });
        images.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && images.getSelectionModel().getSelectedItem() != null) {
                openRow(images.getSelectionModel().getSelectedItem());
            }
        });
        ComboBox<EvaluationViewModel.Order> order = new ComboBox<>(FXCollections.observableArrayList(
                EvaluationViewModel.Order.values()));
        order.setId("image-order");
        order.valueProperty().bindBidirectional(vm.orderProperty());
        ComboBox<EvaluationViewModel.Filter> filter = new ComboBox<>(FXCollections.observableArrayList(
                EvaluationViewModel.Filter.values()));
        filter.setId("image-filter");
        filter.valueProperty().bindBidirectional(vm.filterProperty());
        ComboBox<Double> iou = new org.dsrcnn.viewer.IouThresholdBox(vm.iouProperty());
        iou.setTooltip(new Tooltip("IoU threshold of the TP / FP / FN columns"));
        Label note = new Label();
        note.textProperty().bind(javafx.beans.binding.Bindings.format(Locale.ROOT,
                "TP / FP / FN of the detections scoring ≥ %.2f (the Explorer's threshold)", vm.minScoreProperty()));
        note.getStyleClass().add("text-small");
        note.setWrapText(true);
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(6, 6, order, filter, iou);
        VBox box = new VBox(8, title("Images"), controls, note, images);
        VBox.setVgrow(images, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        box.setMinWidth(0);
        return box;
    }

    private static TableColumn<ImageRow, Integer> count(String title, java.util.function.ToIntFunction<ImageRow> v) {
        TableColumn<ImageRow, Integer> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleObjectProperty<>(v.applyAsInt(d.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setMinWidth(34);
        return c;
    }

    private void openRow(ImageRow row) {
        vm.open(row);
        showExplorer.run();
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private void showResult() {
        DatasetRun run = vm.resultProperty().get();
        numbers.getChildren().clear();
        if (run == null) {
            classes.getItems().clear();
            curves.curvesProperty().set(List.of());
            stages.seriesProperty().set(List.of());
            return;
        }
        CocoMetrics m = run.evaluation().metrics();
        double[] s = m.stats();
        for (int i = 0; i < s.length; i++) {
            Label name = new Label(CocoMetrics.NAMES.get(i));
            name.getStyleClass().add("text-muted");
            Label value = new Label(s[i] < 0 ? "–" : String.format(Locale.ROOT, "%.3f", s[i]));
            value.setId("metric-" + CocoMetrics.NAMES.get(i));
            value.getStyleClass().add("text-bold");
            numbers.add(name, (i / 6) * 2, i % 6);
            numbers.add(value, (i / 6) * 2 + 1, i % 6);
        }
        classes.getItems().setAll(m.perCategory());
        List<PrCurveChart.Curve> list = new ArrayList<>();
        for (int k = 0; k < run.evaluation().curves().size(); k++) {
            DatasetEvaluation.PrCurve c = run.evaluation().curves().get(k);
            list.add(new PrCurveChart.Curve(c.name(), ClassColors.of(k), at75.isSelected() ? c.precision75() : c.precision50()));
        }
        curves.curvesProperty().set(list);
        classKey.getChildren().clear();
        for (int k = 0; k < list.size(); k++) {
            javafx.scene.shape.Rectangle sw = new javafx.scene.shape.Rectangle(10, 10, list.get(k).color());
            Label l = new Label(list.get(k).name(), sw);
            l.getStyleClass().add("text-small");
            classKey.getChildren().add(l);
        }
        double[][] perStage = new double[3][run.stages().size()];
        for (int t = 0; t < run.stages().size(); t++) {
            perStage[0][t] = Math.max(0, run.stages().get(t).ap());
            perStage[1][t] = Math.max(0, run.stages().get(t).ap50());
            perStage[2][t] = Math.max(0, run.stages().get(t).ap75());
        }
        stages.seriesProperty().set(List.of(new StageSeriesChart.Series("AP", Color.web("#0969da"), perStage[0]),
                new StageSeriesChart.Series("AP50", Color.web("#1a7f37"), perStage[1]),
                new StageSeriesChart.Series("AP75", Color.web("#bc4c00"), perStage[2])));
    }

    @Override
    public String id() {
        return "evaluation";
    }

    @Override
    public String title() {
        return "Evaluation";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignC.CHART_BOX_OUTLINE;
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
    public ReadOnlyStringProperty statusText() {
        return status.getReadOnlyProperty();
    }
}
