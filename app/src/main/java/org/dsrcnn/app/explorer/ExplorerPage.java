package org.dsrcnn.app.explorer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.dsrcnn.app.main.DialogService;
import org.dsrcnn.app.main.Icons;
import org.dsrcnn.app.main.KeyBindings;
import org.dsrcnn.app.main.Page;
import org.dsrcnn.viewer.StageScrubber;
import org.dsrcnn.viewer.browser.ThumbnailList;
import org.dsrcnn.viewer.canvas.DetectionCanvas;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The Explorer page's layout: tool bar (open, navigate, zoom, layers, export), thumbnails on the
 * left, the canvas with the stage scrubber and detection filters in the middle, the DPG panel on
 * the right, and its key bindings. Layout and bindings only: every action calls the view-model.
 */
public final class ExplorerPage extends BorderPane implements Page {

    final ExplorerViewModel vm;
    final DialogService dialogs;
    final DetectionCanvas canvas = new DetectionCanvas();
    final ThumbnailList thumbnails = new ThumbnailList();
    final StageScrubber scrubber = new StageScrubber();
    final Slider threshold = new Slider(0, 1, 0.3);
    final Label thresholdValue = new Label();
    final ToggleButton nms = new ToggleButton("NMS");
    final Spinner<Integer> topK = new Spinner<>();
    final DpgPanel dpg;
    final Label untrainedBanner = new Label();
    final Label hover = new Label();
    final GroundTruthPanel gtPanel;
    final org.dsrcnn.viewer.legend.ClassLegend legend = new org.dsrcnn.viewer.legend.ClassLegend();
    final MarksLayer marksLayer = new MarksLayer();
    private final java.util.List<ButtonBase> layerToggles = new java.util.ArrayList<>();
    private final KeyBindings keys = new KeyBindings();

    public ExplorerPage(ExplorerViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.dpg = new DpgPanel(vm);
        this.gtPanel = new GroundTruthPanel(vm);
        setId("explorer-page");

        bindCanvas();
        hover.setId("hover-readout");
        hover.setMouseTransparent(true);
        hover.setStyle("-fx-background-color: rgba(0,0,0,0.6); -fx-text-fill: white; -fx-padding: 3 8 3 8;"
                + " -fx-background-radius: 4; -fx-font-size: 12px;");
        hover.visibleProperty().bind(hover.textProperty().isNotEmpty());
        StackPane.setAlignment(hover, Pos.BOTTOM_LEFT);
        StackPane.setMargin(hover, new Insets(0, 0, 8, 8));
        hover.textProperty().bind(Bindings.createStringBinding(() -> {
            int p = canvas.hoveredProposalProperty().get();
            var t = vm.traceProperty().get();
            if (p < 0 || t == null || p >= t.numProposals()) {
                return "";
            }
            int s = Math.max(0, Math.min(vm.stageProperty().get(), t.numStages()));
            String text = org.dsrcnn.app.session.TraceQueries.describe(t, p, s);
            GroundTruthMarks m = vm.marksProperty().get();
            String mark = m == null ? "" : m.describe(p, t.classNames());
            return mark.isEmpty() ? text : text + " · " + mark;
        }, canvas.hoveredProposalProperty(), vm.traceProperty(), vm.stageProperty(), vm.marksProperty()));
        StackPane canvasPane = new StackPane(canvas, hover);
        VBox center = new VBox(banner(), canvasPane, controlsRow());
        VBox.setVgrow(canvasPane, Priority.ALWAYS);
        center.setMinWidth(0);
        canvasPane.setMinSize(0, 0);
        setTop(toolBar());
        setLeft(browser());
        setCenter(center);
        setRight(sidePanel());
        bindKeys();
        bindMarksAndLegend();
        // below this width the layer toggles show only their icons (tooltips keep the names), so
        // every tool-bar button stays inside a 900 px window
        widthProperty().addListener((obs, o, w) -> compactToolbar(w.doubleValue() < 1180));
        compactToolbar(true);
    }

    private void bindKeys() {
        keys.onTyped("a", "a / d", "previous / next image", vm.browser()::previous)
                .onTyped("d", null, null, vm.browser()::next)
                .onKeyEvent(e -> !e.isShortcutDown() && !e.isShiftDown() && KeyBindings.digit(e.getCode()) >= 0
                        && KeyBindings.digit(e.getCode()) <= vm.numStagesProperty().get(), "0 … 6",
                        "jump to stage (0 = proposals entering stage 1)",
                        e -> vm.stageProperty().set(KeyBindings.digit(e.getCode())))
                .describe("← / →  (on the stage slider)", "previous / next stage")
                .onTyped("+=", "+ / −", "zoom in / out (or the mouse wheel, at the cursor)", canvas::zoomIn)
                .onTyped("-", null, null, canvas::zoomOut)
                .onTyped("f", "f", "fit the image to the window", canvas::fit)
                .describe("drag", "pan")
                .describe("click a box", "select that proposal everywhere")
                .onPressed(e -> e.getCode() == KeyCode.ESCAPE, "Esc", "clear the selection / close the help",
                        () -> vm.selectedProposalProperty().set(-1))
                .onTyped("b", "b / g / s / t / e", "toggle detections, GT, stage boxes, trails, expert boxes",
                        () -> flip(vm.showDetectionsProperty()))
                .onTyped("g", null, null, () -> flip(vm.showGroundTruthProperty()))
                .onTyped("s", null, null, () -> flip(vm.showStageBoxesProperty()))
                .onTyped("t", null, null, () -> flip(vm.showTrailsProperty()))
                .onTyped("e", null, null, () -> flip(vm.showExpertBoxesProperty()))
                .onTyped("n", "n", "NMS on / off", () -> flip(vm.nmsProperty()))
                .describe("Ctrl+O / Ctrl+Shift+O", "open an image / a folder")
                .describe("Ctrl+M", "open a model directory")
                .describe("Ctrl+E", "export the view as PNG");
    }

    @Override
    public String id() {
        return "explorer";
    }

    @Override
    public String title() {
        return "Explorer";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignI.IMAGE_SEARCH_OUTLINE;
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

    /** The DPG panel; in a short window the heat map shrinks first, what still does not fit is cut. */
    private Node sidePanel() {
        dpg.setMinHeight(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(dpg.widthProperty());
        clip.heightProperty().bind(dpg.heightProperty());
        dpg.setClip(clip);
        return dpg;
    }

    /**
     * The class legend and the GT panel, one scrolling column under the thumbnails (a split pane
     * divides the height between them, so a short window keeps both usable).
     */
    private Node legendPane() {
        legend.setId("class-legend");
        legend.setPadding(new Insets(4, 4, 4, 0));
        gtPanel.setPadding(new Insets(8, 4, 4, 0));
        VBox content = new VBox(4, legend, new Separator(), gtPanel);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setId("legend-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        return scroll;
    }

    private void bindMarksAndLegend() {
        canvas.addLayer(marksLayer);
        Runnable marks = () -> marksLayer.show(vm.marksProperty().get(), vm.hiddenClasses(), vm.showMarksProperty().get());
        vm.marksProperty().addListener(o -> marks.run());
        vm.showMarksProperty().addListener(o -> marks.run());
        legend.hiddenClasses().addListener((javafx.collections.SetChangeListener<Integer>) c -> {
            if (c.wasAdded()) {
                vm.hiddenClasses().add(c.getElementAdded());
            } else {
                vm.hiddenClasses().remove(c.getElementRemoved());
            }
        });
        Runnable counts = () -> {
            var t = vm.traceProperty().get();
            java.util.List<String> names = t != null ? t.classNames()
                    : vm.modelProperty().get() != null ? vm.modelProperty().get().classNames() : java.util.List.of();
            int[] dets = new int[names.size()];
            for (var d : org.dsrcnn.app.session.TraceQueries.atLeast(vm.detectionsProperty().get(), vm.scoreThresholdProperty().get())) {
                if (d.label() >= 0 && d.label() < dets.length) {
                    dets[d.label()]++;
                }
            }
            var gt = vm.groundTruthProperty().get();
            int[] g = gt == null || gt.size() == 0 ? null : new int[names.size()];
            if (g != null) {
                for (int l : gt.labels()) {
                    if (l >= 0 && l < g.length) {
                        g[l]++;
                    }
                }
            }
            legend.show(names, dets, g);
        };
        vm.detectionsProperty().addListener(o -> counts.run());
        vm.scoreThresholdProperty().addListener(o -> counts.run());
        vm.groundTruthProperty().addListener(o -> counts.run());
        vm.modelProperty().addListener(o -> counts.run());
        counts.run();
    }

    private void compactToolbar(boolean compact) {
        for (ButtonBase b : layerToggles) {
            b.setContentDisplay(compact ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                    : javafx.scene.control.ContentDisplay.LEFT);
        }
    }

    private void bindCanvas() {
        canvas.setId("detection-canvas");
        canvas.imageProperty().bind(vm.imageProperty());
        canvas.placeholderProperty().bind(vm.canvasMessageProperty());
        canvas.traceProperty().bind(vm.traceProperty());
        canvas.stageProperty().bind(vm.stageProperty());
        canvas.detectionsProperty().bind(vm.visibleDetectionsProperty());
        canvas.groundTruthProperty().bind(vm.visibleGroundTruthProperty());
        canvas.showDetectionsProperty().bind(vm.showDetectionsProperty());
        canvas.showGroundTruthProperty().bind(vm.showGroundTruthProperty());
        canvas.showStageBoxesProperty().bind(vm.showStageBoxesProperty());
        canvas.showTrailsProperty().bind(vm.showTrailsProperty());
        canvas.showExpertBoxesProperty().bind(vm.showExpertBoxesProperty());
        canvas.selectedProposalProperty().bindBidirectional(vm.selectedProposalProperty());
    }

    private Node banner() {
        untrainedBanner.setId("untrained-banner");
        untrainedBanner.setText("Untrained model: random weights, so boxes and scores mean nothing yet."
                + " Train one (dsrcnn train) or open a model directory.");
        untrainedBanner.setGraphic(Icons.small(MaterialDesignA.ALERT_OUTLINE));
        untrainedBanner.setMaxWidth(Double.MAX_VALUE);
        untrainedBanner.setPadding(new Insets(5, 10, 5, 10));
        untrainedBanner.setStyle("-fx-background-color: -color-warning-subtle; -fx-text-fill: -color-warning-fg;");
        untrainedBanner.visibleProperty().bind(vm.untrainedProperty());
        untrainedBanner.managedProperty().bind(vm.untrainedProperty());
        return untrainedBanner;
    }

    private Node controlsRow() {
        scrubber.setId("stage-scrubber");
        scrubber.stageProperty().bindBidirectional(vm.stageProperty());
        scrubber.stagesProperty().bind(vm.numStagesProperty());
        HBox.setHgrow(scrubber, Priority.ALWAYS);

        threshold.setId("threshold-slider");
        threshold.valueProperty().bindBidirectional(vm.scoreThresholdProperty());
        threshold.setPrefWidth(140);
        threshold.setMinWidth(90);
        threshold.setTooltip(new Tooltip("minimum score of the detections drawn"));
        thresholdValue.setId("threshold-value");
        thresholdValue.setMinWidth(36);
        thresholdValue.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f", vm.scoreThresholdProperty().get()), vm.scoreThresholdProperty()));
        Label thresholdLabel = new Label("Score ≥", Icons.small(MaterialDesignF.FILTER_OUTLINE));

        nms.setId("nms-toggle");
        nms.setGraphic(Icons.small(MaterialDesignS.SCISSORS_CUTTING));
        nms.selectedProperty().bindBidirectional(vm.nmsProperty());
        nms.setTooltip(new Tooltip("class-aware NMS (IoU 0.7) on the final detections; key n"));

        topK.setId("topk-spinner");
        SpinnerValueFactory<Integer> factory = new TopKSteps(vm.topKProperty().get());
        topK.setValueFactory(factory);
        topK.setEditable(true);
        topK.setPrefWidth(90);
        factory.valueProperty().addListener((obs, o, v) -> {
            if (v != null && v != vm.topKProperty().get()) {
                vm.topKProperty().set(v);
            }
        });
        vm.topKProperty().addListener((obs, o, v) -> factory.setValue(v.intValue()));
        topK.setTooltip(new Tooltip("detections kept per image (top-k), after NMS; without NMS every proposal's best"
                + " (proposal, class) pair is kept, as Sparse R-CNN does, so top-k has nothing to cap"));
        // a field that changes nothing would look broken: it is off while NMS is
        topK.disableProperty().bind(vm.nmsProperty().not());
        Label topKLabel = new Label("Top-k");

        for (Label l : new Label[] {thresholdLabel, thresholdValue, topKLabel}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        nms.setMinWidth(Region.USE_PREF_SIZE);
        topK.setMinWidth(80);
        HBox filters = new HBox(10, thresholdLabel, threshold, thresholdValue, nms, topKLabel, topK);
        filters.setAlignment(Pos.CENTER_LEFT);
        Separator sep = new Separator(Orientation.VERTICAL);
        HBox row = new HBox(10, scrubber, sep, filters);
        row.setId("controls-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 10, 6, 10));
        row.setMinWidth(0);
        // one row when the centre is wide enough, else the filters go under the stage scrubber
        VBox rows = new VBox(4);
        rows.setPadding(new Insets(6, 10, 6, 10));
        rows.setMinWidth(0);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(row);
        holder.setMinWidth(0);
        holder.widthProperty().addListener((obs, o, w) -> {
            boolean narrow = w.doubleValue() < 820;
            if (narrow && row.getParent() == holder) {
                row.getChildren().clear();
                rows.getChildren().setAll(scrubber, filters);
                holder.getChildren().setAll(rows);
            } else if (!narrow && rows.getParent() == holder) {
                rows.getChildren().clear();
                row.getChildren().setAll(scrubber, sep, filters);
                holder.getChildren().setAll(row);
            }
        });
        return holder;
    }

    private Node browser() {
        thumbnails.setId("thumbnails");
        thumbnails.setItems(vm.browser().images());
        thumbnails.getSelectionModel().selectedIndexProperty().addListener((obs, o, i) -> {
            if (i.intValue() >= 0 && i.intValue() != vm.browser().currentIndexProperty().get()) {
                vm.browser().select(i.intValue());
            }
        });
        vm.browser().currentIndexProperty().addListener((obs, o, i) -> {
            if (thumbnails.getSelectionModel().getSelectedIndex() != i.intValue()) {
                thumbnails.getSelectionModel().select(i.intValue());
            }
            if (i.intValue() >= 0) {
                thumbnails.scrollTo(Math.max(0, i.intValue() - 1));
            }
        });
        Label source = new Label();
        source.setId("source-name");
        source.setGraphic(Icons.small(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        source.textProperty().bind(Bindings.createStringBinding(
                () -> vm.browser().sourceNameProperty().get() + " (" + vm.browser().images().size() + ")", vm.browser().sourceNameProperty(), vm.browser().images()));
        source.getStyleClass().add("text-bold");
        source.setTooltip(new Tooltip());
        source.getTooltip().textProperty().bind(source.textProperty());
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(thumbnails, legendPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        split.setStyle("-fx-background-color: transparent; -fx-padding: 0;");
        VBox box = new VBox(6, source, split);
        box.setPrefWidth(ThumbnailList.SIZE + 46);
        box.setMinWidth(ThumbnailList.SIZE + 46);
        source.setMaxWidth(ThumbnailList.SIZE + 40);
        box.setPadding(new Insets(8, 4, 8, 8));
        VBox.setVgrow(split, Priority.ALWAYS);
        return box;
    }

    private ToolBar toolBar() {
        MenuButton open = new MenuButton("Open", Icons.of(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("open-menu");
        open.setTooltip(new Tooltip("Open an image, a folder, a COCO dataset or a model"));
        MenuItem openFile = item("open-file", "Image…", MaterialDesignF.FILE_IMAGE_OUTLINE, "Shortcut+O", this::openFile);
        MenuItem openFolder = item("open-folder", "Folder of images…", MaterialDesignF.FOLDER_OPEN_OUTLINE,
                "Shortcut+Shift+O", this::openFolder);
        MenuItem openDataset = item("open-dataset", "COCO dataset (annotation JSON)…", MaterialDesignD.DATABASE_OUTLINE,
                null, this::openDataset);
        openDataset.setDisable(!vm.browser().datasetsSupported());
        MenuItem openModel = item("open-model", "Model directory…", MaterialDesignB.BRAIN, "Shortcut+M", this::openModel);
        MenuItem openCheckpoint = item("open-checkpoint", "PyTorch checkpoint (official Sparse R-CNN .pth / .pkl)…",
                MaterialDesignB.BRAIN, null, () -> dialogs.openFile("Open a PyTorch checkpoint", "Checkpoints", "pth",
                        "pt", "pkl").ifPresent(f -> vm.session().openCheckpoint(f, vm.session().checkpointCache())));
        javafx.scene.control.Menu recentMenu = new javafx.scene.control.Menu("Recent", Icons.small(MaterialDesignH.HISTORY));
        recentMenu.setId("open-recent");
        open.getItems().addAll(openFile, openFolder, openDataset, new javafx.scene.control.SeparatorMenuItem(), openModel, openCheckpoint,
                new javafx.scene.control.SeparatorMenuItem(), recentMenu);
        open.setOnShowing(e -> fillRecent(recentMenu));

        Button prev = action("previous", null, MaterialDesignC.CHEVRON_LEFT, "Previous image (a)", vm.browser()::previous);
        Button next = action("next", null, MaterialDesignC.CHEVRON_RIGHT, "Next image (d)", vm.browser()::next);
        Button zoomIn = action("zoom-in", null, MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Zoom in (+)", canvas::zoomIn);
        Button zoomOut = action("zoom-out", null, MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Zoom out (-)", canvas::zoomOut);
        Button fit = action("fit", null, MaterialDesignF.FIT_TO_PAGE_OUTLINE, "Fit (f)", canvas::fit);

        ToggleButton dets = layer("layer-detections", "Detections", MaterialDesignC.CHECKBOX_BLANK_OUTLINE,
                "final detections (b)");
        dets.selectedProperty().bindBidirectional(vm.showDetectionsProperty());
        ToggleButton gt = layer("layer-gt", "GT", MaterialDesignT.TAG_OUTLINE, "ground-truth boxes (g)");
        // shown "on" only when there is GT to show: the user's choice is kept for the next image with GT
        javafx.beans.binding.BooleanBinding noGt = Bindings.createBooleanBinding(
                () -> vm.groundTruthProperty().get() == null || vm.groundTruthProperty().get().size() == 0,
                vm.groundTruthProperty());
        gt.disableProperty().bind(noGt);
        Runnable gtState = () -> gt.setSelected(vm.showGroundTruthProperty().get() && !noGt.get());
        vm.showGroundTruthProperty().addListener(o -> gtState.run());
        noGt.addListener(o -> gtState.run());
        gt.setOnAction(e -> vm.showGroundTruthProperty().set(gt.isSelected()));
        gtState.run();
        ToggleButton stageBoxes = layer("layer-stage", "Stage boxes", MaterialDesignS.SELECTION,
                "every proposal's box at the selected stage (s)");
        stageBoxes.selectedProperty().bindBidirectional(vm.showStageBoxesProperty());
        ToggleButton trails = layer("layer-trails", "Trails", MaterialDesignV.VECTOR_POLYLINE,
                "each proposal's path through the stages (t)");
        trails.selectedProperty().bindBidirectional(vm.showTrailsProperty());
        ToggleButton experts = layer("layer-experts", "Experts", MaterialDesignA.ACCOUNT_GROUP_OUTLINE,
                "each expert's candidate box for the selected proposal (e)");
        experts.selectedProperty().bindBidirectional(vm.showExpertBoxesProperty());
        Label layers = new Label(null, Icons.small(MaterialDesignL.LAYERS_OUTLINE));
        layers.setTooltip(new Tooltip("Layers"));
        layers.getStyleClass().add("text-muted");
        layerToggles.addAll(java.util.List.of(dets, gt, stageBoxes, trails, experts));

        Button export = new Button("Export", Icons.of(MaterialDesignE.EXPORT_VARIANT));
        export.setId("export-menu");
        export.setFocusTraversable(false);
        javafx.scene.control.ContextMenu exportMenu = new javafx.scene.control.ContextMenu();
        exportMenu.setId("export-popup");
        export.setTooltip(new Tooltip("Save the view, the detections or the trace"));
        MenuItem png = item("export-png", "View as PNG…", MaterialDesignI.IMAGE_OUTLINE, "Shortcut+E", this::exportPng);
        MenuItem coco = item("export-coco", "Detections shown as COCO results JSON…", MaterialDesignC.CODE_JSON, null,
                () -> dialogs.saveFile("Export the detections shown", baseName() + String.format(Locale.ROOT,
                        "-detections-score%.2f.json", vm.scoreThresholdProperty().get()), "JSON", "json")
                        .ifPresent(f -> vm.exportDetections(f, false)));
        MenuItem cocoAll = item("export-coco-all", "All detections (top-k) as COCO results JSON…", MaterialDesignC.CODE_JSON,
                null, () -> dialogs.saveFile("Export every detection", baseName() + "-detections-all.json", "JSON", "json")
                        .ifPresent(f -> vm.exportDetections(f, true)));
        MenuItem trace = item("export-trace", "Trace as JSON…", MaterialDesignF.FILE_DOCUMENT_OUTLINE, null,
                () -> dialogs.saveFile("Export trace", baseName() + "-trace.json", "JSON", "json")
                        .ifPresent(vm::exportTrace));
        exportMenu.getItems().addAll(png, coco, cocoAll, trace);
        // right-aligned under the button: a menu left-aligned to a button at the window's right
        // edge opened past it
        exportMenu.setOnShown(e -> {
            Bounds b = export.localToScreen(export.getBoundsInLocal());
            exportMenu.setX(b.getMaxX() - exportMenu.getWidth());
        });
        export.setOnAction(e -> exportMenu.show(export, javafx.geometry.Side.BOTTOM, 0, 0));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, new Separator(), prev, next, new Separator(), zoomIn, zoomOut, fit,
                new Separator(), layers, dets, gt, stageBoxes, trails, experts, spacer, export);
        bar.setId("tool-bar");
        return bar;
    }

    private void fillRecent(javafx.scene.control.Menu menu) {
        menu.getItems().clear();
        for (org.dsrcnn.app.service.RecentItems.Item it : vm.browser().recent().items()) {
            Ikon icon = switch (it.kind()) {
                case FOLDER -> MaterialDesignF.FOLDER_OPEN_OUTLINE;
                case FILE -> MaterialDesignF.FILE_IMAGE_OUTLINE;
                case DATASET -> MaterialDesignD.DATABASE_OUTLINE;
                case MODEL -> MaterialDesignB.BRAIN;
            };
            menu.getItems().add(item(null, it.path().toString(), icon, null, () -> vm.openRecent(it)));
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    private static MenuItem item(String id, String text, Ikon icon, String accelerator, Runnable run) {
        MenuItem m = new MenuItem(text, Icons.small(icon));
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> run.run());
        return m;
    }

    private Button action(String id, String text, Ikon icon, String tip, Runnable run) {
        Button b = new Button(text, Icons.of(icon));
        configure(b, id, tip);
        b.setOnAction(e -> run.run());
        if (text == null) {
            b.getStyleClass().add("button-icon");
        }
        return b;
    }

    private ToggleButton layer(String id, String text, Ikon icon, String tip) {
        ToggleButton t = new ToggleButton(text, Icons.small(icon));
        configure(t, id, tip);
        return t;
    }

    private static void configure(ButtonBase b, String id, String tip) {
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
    }

    private String baseName() {
        Path p = vm.imagePathProperty().get();
        if (p == null) {
            return "dsrcnn";
        }
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    void openFile() {
        dialogs.openFile("Open image", "Images", "png", "jpg", "jpeg", "bmp", "gif").ifPresent(vm.browser()::openFile);
    }

    void openFolder() {
        dialogs.openFolder("Open a folder of images").ifPresent(vm.browser()::openFolder);
    }

    void openDataset() {
        dialogs.openFile("Open a COCO annotation file", "COCO JSON", "json").ifPresent(vm.browser()::openDataset);
    }

    void openModel() {
        dialogs.openFolder("Open a model directory").ifPresent(vm::openModel);
    }

    /** The image at its own resolution with the overlays as shown (not a grab of the view with its margins). */
    void exportPng() {
        WritableImage full = canvas.renderAtImageResolution();
        if (full == null) {
            return;
        }
        BufferedImage img = SwingFXUtils.fromFXImage(full, null);
        dialogs.saveFile("Export view", baseName() + "-annotated.png", "PNG", "png").ifPresent(f -> vm.exportPng(img, f));
    }

    private static void flip(javafx.beans.property.BooleanProperty p) {
        p.set(!p.get());
    }

    /** The canvas (for tests and exports). */
    public DetectionCanvas canvas() {
        return canvas;
    }
}
