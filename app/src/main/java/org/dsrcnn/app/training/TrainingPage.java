package org.dsrcnn.app.training;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.dsrcnn.app.main.DialogService;
import org.dsrcnn.app.main.Icons;
import org.dsrcnn.app.main.KeyBindings;
import org.dsrcnn.app.main.Page;
import org.dsrcnn.viewer.curves.CurveChart;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Training page (layout only; state and commands are {@link TrainingViewModel}'s): on the
 * left the runs table with its commands, the selected run's details (its problem, why it stopped
 * or failed, its log's tail) and the New run form; on the right the chart settings and one
 * TensorBoard-style card per metric with every shown run overlaid.
 */
public final class TrainingPage extends BorderPane implements Page {
    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final TrainingViewModel vm;
    private final DialogService dialogs;
    private final KeyBindings keys = new KeyBindings();
    private final TableView<RunInfo> table = new TableView<>();
    private final List<CurveChart> charts = new ArrayList<>();
    private final List<MetricCard> cards = new ArrayList<>();
    private final FlowPane grid = new FlowPane(8, 8);
    private final NewRunForm form;
    private final TitledPane formPane;
    private final Label problem = new Label();
    private final Label message = new Label();
    private final TextArea logTail = new TextArea();
    private final MenuButton open = new MenuButton("Open in Explorer", Icons.small(MaterialDesignO.OPEN_IN_APP));
    private final Button stop = new Button("Stop", Icons.small(MaterialDesignS.STOP));
    private final Button resume = new Button("Resume", Icons.small(MaterialDesignP.PLAY));
    private final Button delete = new Button("Delete", Icons.small(MaterialDesignD.DELETE_OUTLINE));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public TrainingPage(TrainingViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        setId("training-page");
        form = new NewRunForm(vm, dialogs);
        ScrollPane formScroll = new ScrollPane(form); // the fields scroll; the command line and Launch stay in view
        formScroll.setFitToWidth(true);
        formScroll.setMinHeight(0);
        formScroll.setPrefViewportHeight(300);
        formPane = new TitledPane("New run", formScroll);
        formPane.setExpanded(false);
        formPane.setId("new-run");
        form.launch.setOnAction(e -> launch());
        form.generate.setOnAction(e -> generate());

        SplitPane split = new SplitPane(left(), right());
        split.setDividerPositions(0.40);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        setCenter(split);

        vm.dataRevisionProperty().addListener((o, a, b) -> refreshCharts());
        vm.stageProperty().addListener((o, a, b) -> refreshCharts());
        vm.xAxisProperty().addListener((o, a, b) -> refreshCharts());
        vm.filterProperty().addListener((o, a, b) -> applyFilter());
        vm.runs().addListener((javafx.collections.ListChangeListener<RunInfo>) c -> {
            table.refresh();
            showSelected();
            status.set(summary());
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
            showSelected();
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        buildCards();
        keys.onPressed(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), "Ctrl+N", "new run form",
                        () -> formPane.setExpanded(true))
                .onPressed(new KeyCodeCombination(KeyCode.DELETE), "Delete", "delete the selected run (asks first)",
                        this::deleteSelected)
                .onTyped("r", "r", "show or hide the raw curves", () -> vm.showRawProperty().set(!vm.showRawProperty().get()))
                .onTyped("l", "l", "log scale for y", () -> vm.logYProperty().set(!vm.logYProperty().get()));
    }

    private Node left() {
        table.setId("runs-table");
        table.setItems(vm.runs());
        table.setPlaceholder(new Label("No runs in " + vm.runsFolderProperty().get() + " yet: use New run below"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY); // narrow: scroll sideways, never "..."
        TableColumn<RunInfo, RunInfo> shown = new TableColumn<>("");
        shown.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        shown.setCellFactory(c -> new ShownCell());
        shown.setPrefWidth(44);
        shown.setMaxWidth(44);
        shown.setSortable(false);
        table.getColumns().add(shown);
        table.getColumns().add(text("run", r -> r.name() + (r.sample() ? " (sample)" : ""), 130));
        table.getColumns().add(text("status", RunInfo::state, 78));
        table.getColumns().add(text("iter", r -> r.iteration() + (r.maxIterations() > 0 ? "/" + r.maxIterations() : ""), 80));
        table.getColumns().add(text("AP", r -> fmt(r.lastAp(), 3), 46));
        table.getColumns().add(text("best", r -> fmt(r.bestAp(), 3), 46));
        table.getColumns().add(text("img/s", r -> fmt(r.imagesPerSecond(), 1), 52));
        table.getColumns().add(text("ETA", r -> eta(r.etaSeconds()), 56));
        table.getColumns().add(text("started", r -> started(r.started()), 84));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(RunInfo item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("run-failed", "run-problem");
                if (!empty && item != null) {
                    if (item.state().equals(RunInfo.FAILED)) {
                        getStyleClass().add("run-failed");
                    }
                    if (!item.problem().isEmpty()) {
                        getStyleClass().add("run-problem");
                    }
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button newRun = new Button("New run", Icons.small(MaterialDesignP.PLUS));
        newRun.setId("run-new");
        newRun.setOnAction(e -> formPane.setExpanded(true));
        Button folder = new Button("", Icons.small(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        folder.setTooltip(new Tooltip("Runs folder…"));
        folder.setOnAction(e -> dialogs.openFolder("Runs folder").ifPresent(p -> vm.runsFolderProperty().set(p)));
        stop.setId("run-stop");
        resume.setId("run-resume");
        delete.setId("run-delete");
        open.setId("run-open");
        stop.setTooltip(new Tooltip("Ask the run to stop: it finishes the step, writes a checkpoint and exits"));
        resume.setTooltip(new Tooltip("Continue from the last checkpoint"));
        stop.setOnAction(e -> withSelected(vm::stop));
        resume.setOnAction(e -> withSelected(vm::resume));
        delete.setOnAction(e -> deleteSelected());
        FlowPane buttons = new FlowPane(4, 4, newRun, stop, resume, delete, open, folder);

        problem.getStyleClass().add("run-problem-text");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.setId("run-problem");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.setId("run-message");
        logTail.setEditable(false);
        logTail.setId("run-log");
        logTail.getStyleClass().add("log-tail");
        logTail.setPrefRowCount(6);
        logTail.managedProperty().bind(logTail.visibleProperty());
        logTail.setVisible(false);

        formPane.expandedProperty().addListener((o, a, b) -> {
            if (b) {
                form.revalidate();
            }
        });
        form.footer.managedProperty().bind(formPane.expandedProperty());
        form.footer.visibleProperty().bind(formPane.expandedProperty());
        VBox box = new VBox(6, table, buttons, problem, message, logTail, formPane, form.footer);
        box.setPadding(new Insets(6));
        box.setMinWidth(300);
        return box;
    }

    private Node right() {
        TextField filter = new TextField();
        filter.setPromptText("filter charts (e.g. loss, AP, dpg)");
        filter.setId("chart-filter");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setPrefColumnCount(14);
        Slider smoothing = new Slider(0, 0.999, vm.smoothingProperty().get());
        smoothing.setId("smoothing");
        smoothing.valueProperty().bindBidirectional(vm.smoothingProperty());
        smoothing.setPrefWidth(140);
        Label smoothingValue = new Label();
        smoothingValue.textProperty().bind(vm.smoothingProperty().asString(Locale.ROOT, "%.3f"));
        smoothingValue.setMinWidth(40);
        CheckBox raw = new CheckBox("raw");
        raw.selectedProperty().bindBidirectional(vm.showRawProperty());
        ToggleButton logX = new ToggleButton("log x");
        logX.selectedProperty().bindBidirectional(vm.logXProperty());
        ToggleButton logY = new ToggleButton("log y");
        logY.setId("log-y");
        logY.selectedProperty().bindBidirectional(vm.logYProperty());
        ComboBox<RunColumns.XAxis> x = new ComboBox<>();
        x.getItems().setAll(RunColumns.XAxis.values());
        x.valueProperty().bindBidirectional(vm.xAxisProperty());
        Spinner<Integer> stage = new Spinner<>(1, 6, vm.stageProperty().get());
        stage.setPrefWidth(70);
        stage.valueProperty().addListener((o, a, b) -> vm.stageProperty().set(b));
        FlowPane controls = new FlowPane(8, 6, filter, new Label("smoothing"), smoothing, smoothingValue, raw,
                new Separator(Orientation.VERTICAL), logX, logY, new Label("x"), x, new Label("stage"), stage);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(6));
        grid.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId("charts");
        grid.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(20));
        BorderPane pane = new BorderPane(scroll);
        pane.setTop(controls);
        return pane;
    }

    private void buildCards() {
        for (MetricCard card : MetricCard.ALL) {
            CurveChart chart = new CurveChart(card.title(vm.stageProperty().get()));
            chart.setId("chart-" + card.column().replace("%d", "n").replace('.', '-'));
            chart.smoothingProperty().bind(vm.smoothingProperty());
            chart.logXProperty().bind(vm.logXProperty());
            chart.logYProperty().bind(vm.logYProperty());
            chart.showRawProperty().bind(vm.showRawProperty());
            // as many columns of at least 340 px as fit, sharing the width (TensorBoard's card grid)
            chart.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
                double w = grid.getPrefWrapLength();
                int columns = Math.max(1, (int) ((w + 8) / (340 + 8)));
                return Math.max(200, Math.floor((w - 8 * (columns - 1)) / columns) - 1);
            }, grid.prefWrapLengthProperty()));
            chart.setPrefHeight(230);
            chart.getStyleClass().add("curve-card");
            cards.add(card);
            charts.add(chart);
        }
        grid.getChildren().setAll(charts);
        refreshCharts();
    }

    private void refreshCharts() {
        for (int i = 0; i < cards.size(); i++) {
            MetricCard card = cards.get(i);
            CurveChart chart = charts.get(i);
            chart.setTitle(card.title(vm.stageProperty().get()));
            chart.setXLabel(vm.xAxisProperty().get().label());
            chart.setCurves(vm.curves(card));
        }
        applyFilter();
    }

    private void applyFilter() {
        String f = vm.filterProperty().get() == null ? "" : vm.filterProperty().get().trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < charts.size(); i++) {
            CurveChart chart = charts.get(i);
            String hay = (chart.title() + " " + cards.get(i).column()).toLowerCase(Locale.ROOT);
            boolean show = f.isEmpty() || hay.contains(f);
            chart.setVisible(show);
            chart.setManaged(show);
        }
    }

    private void showSelected() {
        RunInfo r = vm.selectedProperty().get();
        boolean none = r == null;
        stop.setDisable(none || r.sample() || !r.running());
        resume.setDisable(none || r.sample() || r.running() || r.state().equals(RunInfo.FINISHED) || r.checkpoints().isEmpty());
        delete.setDisable(none || r.sample() || r.running());
        open.getItems().clear();
        if (!none) {
            if (r.model() != null) {
                open.getItems().add(openItem("final model", r.model()));
            }
            for (int i = r.checkpoints().size() - 1; i >= 0; i--) {
                Path ck = r.checkpoints().get(i);
                open.getItems().add(openItem("checkpoint " + ck.getParent().getFileName(), ck));
            }
        }
        open.setDisable(open.getItems().isEmpty());
        problem.setText(none ? "" : r.problem());
        message.setText(none || r.message().isEmpty() ? "" : r.state() + ": " + r.message());
        logTail.setVisible(!none && !r.logTail().isEmpty());
        logTail.setText(none ? "" : r.logTail());
    }

    private MenuItem openItem(String text, Path model) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> vm.open(model));
        return item;
    }

    private void withSelected(java.util.function.Consumer<RunInfo> action) {
        RunInfo r = vm.selectedProperty().get();
        if (r != null) {
            action.accept(r);
        }
    }

    private void deleteSelected() {
        RunInfo r = vm.selectedProperty().get();
        if (r == null || r.sample() || r.running()) {
            return;
        }
        if (dialogs.confirm("Delete run", "Delete " + r.dir() + " with its checkpoints and model? This cannot be undone.")) {
            vm.delete(r);
        }
    }

    private void launch() {
        if (!form.revalidate()) {
            return;
        }
        var problems = vm.launch(form.spec());
        if (problems.isEmpty()) {
            formPane.setExpanded(false);
        } else {
            form.show(problems);
        }
    }

    private void generate() {
        Path base = vm.runsFolderProperty().get().resolveSibling("datasets");
        Path folder = base.resolve("shapes-" + form.shapesCount.getValue() + "-seed" + form.shapesSeed.getValue());
        if (java.nio.file.Files.isDirectory(folder.resolve("annotations"))) {
            form.dataset.setText(folder.toString()); // made before: use it, never overwrite it
            return;
        }
        vm.generateShapes(folder, form.shapesCount.getValue(), form.shapesSeed.getValue(),
                p -> form.dataset.setText(p.toString()));
    }

    private String summary() {
        long running = vm.runs().stream().filter(RunInfo::running).count();
        return vm.runs().size() + " runs" + (running > 0 ? ", " + running + " running" : "");
    }

    private static TableColumn<RunInfo, String> text(String title, java.util.function.Function<RunInfo, String> f,
            double width) {
        TableColumn<RunInfo, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static String fmt(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "";
    }

    static String eta(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    static String started(String iso) {
        try {
            return iso.isEmpty() ? "" : STARTED.format(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    /** The "shown in the charts" toggle with the run's colour. */
    private final class ShownCell extends TableCell<RunInfo, RunInfo> {
        private final CheckBox box = new CheckBox();
        private final Rectangle swatch = new Rectangle(10, 10);
        private final HBox graphic = new HBox(3, box, swatch);

        ShownCell() {
            graphic.setAlignment(Pos.CENTER_LEFT);
            box.setOnAction(e -> {
                if (getItem() != null) {
                    vm.setShown(getItem(), box.isSelected());
                }
            });
        }

        @Override
        protected void updateItem(RunInfo item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            box.setSelected(vm.isShown(item));
            swatch.setFill(javafx.scene.paint.Color.web(vm.colorOf(item)));
            setGraphic(graphic);
        }
    }

    /** Charts (for tests and benchmarks), in {@link MetricCard#ALL} order. */
    public List<CurveChart> charts() {
        return charts;
    }

    public TableView<RunInfo> table() {
        return table;
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    @Override
    public String id() {
        return "training";
    }

    @Override
    public String title() {
        return "Training";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignC.CHART_LINE;
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
