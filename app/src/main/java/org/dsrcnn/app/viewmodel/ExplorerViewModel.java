package org.dsrcnn.app.viewmodel;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.dsrcnn.app.service.AnnotatedImages;
import org.dsrcnn.app.service.Cancellable;
import org.dsrcnn.app.service.DatasetReader;
import org.dsrcnn.app.service.DetectorService;
import org.dsrcnn.app.service.Exporter;
import org.dsrcnn.app.service.ImageLibrary;
import org.dsrcnn.app.service.ModelInfo;
import org.dsrcnn.app.service.RecentItems;
import org.dsrcnn.app.service.TaskExecutor;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.ExpertTrace;
import org.dsrcnn.viewer.canvas.LabeledBoxes;

/**
 * The state and logic of the explorer window. Model loading, image reading, inference and
 * exports go through the {@link TaskExecutor}; every other change (stage, threshold, NMS, top-k,
 * layers, selection) recomputes from the cached trace on the FX thread without running the model.
 * Use it on the FX thread.
 */
public final class ExplorerViewModel {

    /** Default score threshold for a trained model. */
    public static final double DEFAULT_THRESHOLD = 0.3;

    private final DetectorService detector;
    private final ImageLibrary library;
    private final Exporter exporter;
    private final TaskExecutor executor;
    private final Notices notices = new Notices();
    private final ImageBrowserViewModel browser;

    private final ReadOnlyObjectWrapper<Path> imagePath = new ReadOnlyObjectWrapper<>(this, "imagePath");
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyObjectWrapper<DetectionTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<LabeledBoxes> groundTruth =
            new ReadOnlyObjectWrapper<>(this, "groundTruth", LabeledBoxes.EMPTY);

    private final IntegerProperty stage = new SimpleIntegerProperty(this, "stage", 6);
    private final ReadOnlyIntegerWrapper numStages = new ReadOnlyIntegerWrapper(this, "numStages", 6);
    private final DoubleProperty scoreThreshold = new SimpleDoubleProperty(this, "scoreThreshold", DEFAULT_THRESHOLD);
    private final BooleanProperty nms = new SimpleBooleanProperty(this, "nms", true);
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", 100);
    private final ReadOnlyObjectWrapper<List<Detection>> detections =
            new ReadOnlyObjectWrapper<>(this, "detections", List.of());
    private final ReadOnlyObjectWrapper<List<Detection>> visibleDetections =
            new ReadOnlyObjectWrapper<>(this, "visibleDetections", List.of());

    private final BooleanProperty showDetections = new SimpleBooleanProperty(this, "showDetections", true);
    private final BooleanProperty showGroundTruth = new SimpleBooleanProperty(this, "showGroundTruth", true);
    private final BooleanProperty showStageBoxes = new SimpleBooleanProperty(this, "showStageBoxes", false);
    private final BooleanProperty showTrails = new SimpleBooleanProperty(this, "showTrails", false);
    private final BooleanProperty showExpertBoxes = new SimpleBooleanProperty(this, "showExpertBoxes", true);

    private final IntegerProperty selectedProposal = new SimpleIntegerProperty(this, "selectedProposal", -1);
    private final ReadOnlyObjectWrapper<double[]> expertMix = new ReadOnlyObjectWrapper<>(this, "expertMix");
    private final ReadOnlyObjectWrapper<float[][]> expertWeights = new ReadOnlyObjectWrapper<>(this, "expertWeights");
    private final ReadOnlyObjectWrapper<float[]> selectedExpertWeights =
            new ReadOnlyObjectWrapper<>(this, "selectedExpertWeights");
    private final ReadOnlyObjectWrapper<double[]> selectedScores = new ReadOnlyObjectWrapper<>(this, "selectedScores");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper(this, "selectionText", "");

    private final ReadOnlyObjectWrapper<ModelInfo> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper(this, "modelText", "no model");
    private final ReadOnlyStringWrapper engineText = new ReadOnlyStringWrapper(this, "engineText", "");
    private final ReadOnlyStringWrapper timingsText = new ReadOnlyStringWrapper(this, "timingsText", "");
    private final ReadOnlyStringWrapper timingsDetail = new ReadOnlyStringWrapper(this, "timingsDetail", "");
    private final ReadOnlyStringWrapper engineDetail = new ReadOnlyStringWrapper(this, "engineDetail", "");
    private final ReadOnlyBooleanWrapper untrained = new ReadOnlyBooleanWrapper(this, "untrained", false);
    private final ReadOnlyStringWrapper canvasMessage =
            new ReadOnlyStringWrapper(this, "canvasMessage", "Loading the model…");
    private final ReadOnlyBooleanWrapper analyzing = new ReadOnlyBooleanWrapper(this, "analyzing", false);
    private final ReadOnlyIntegerWrapper analysesDone = new ReadOnlyIntegerWrapper(this, "analysesDone", 0);

    private Cancellable pendingAnalysis;
    private String modelError;

    /**
     * @param datasets reads annotated datasets, or null when this build cannot
     */
    public ExplorerViewModel(DetectorService detector, ImageLibrary library, Exporter exporter, TaskExecutor executor,
            RecentItems recent, DatasetReader datasets) {
        this.detector = detector;
        this.library = library;
        this.exporter = exporter;
        this.executor = executor;
        this.browser = new ImageBrowserViewModel(library, datasets, executor, recent, notices);
        trace.addListener((obs, o, t) -> {
            if (t != null) {
                numStages.set(t.numStages());
            }
            recomputeDetections();
            recomputeExperts();
            recomputeSelection();
        });
        nms.addListener(o -> recomputeDetections());
        topK.addListener(o -> recomputeDetections());
        scoreThreshold.addListener(o -> recomputeVisible());
        selectedProposal.addListener(o -> recomputeSelection());
        stage.addListener(o -> recomputeSelection());
        browser.currentIndexProperty().addListener((obs, o, i) -> {
            if (i.intValue() >= 0 && i.intValue() < browser.images().size()) {
                analyze(browser.images().get(i.intValue()));
            }
        });
    }

    // ---- actions --------------------------------------------------------------------------

    /**
     * Loads the default model, then opens {@code what} (if not null): a folder, a COCO annotation
     * file ({@code .json}) or one image.
     */
    public void start(Path what) {
        executor.submit("Loading the default model", detector::loadDefault, this::modelLoaded, e -> {
            modelError = "cannot load the default model: " + message(e);
            error(modelError);
        });
        if (what == null) {
            return;
        }
        if (java.nio.file.Files.isDirectory(what)) {
            browser.openFolder(what);
        } else if (what.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            browser.openDataset(what);
        } else {
            browser.openFile(what);
        }
    }

    /** Loads a model directory and re-analyses the current image with it. */
    public void openModel(Path dir) {
        executor.submit("Loading model " + dir.getFileName(), p -> detector.load(dir, p), info -> {
            modelLoaded(info);
            browser.recent().add(RecentItems.Kind.MODEL, dir);
            reanalyze();
        }, e -> error("cannot load model " + dir.getFileName() + ": " + message(e)));
    }

    /** Opens a remembered item again. */
    public void openRecent(RecentItems.Item item) {
        switch (item.kind()) {
            case FOLDER -> browser.openFolder(item.path());
            case FILE -> browser.openFile(item.path());
            case MODEL -> openModel(item.path());
            case DATASET -> browser.openDataset(item.path());
        }
    }

    /** Runs the model again on the current image (after a model change). */
    public void reanalyze() {
        if (imagePath.get() != null) {
            analyze(imagePath.get());
        }
    }

    /** Cancels everything running or queued. */
    public void cancel() {
        executor.cancelAll();
    }

    private record Analysis(Path path, Image image, DetectionTrace trace) {}

    private void analyze(Path path) {
        if (pendingAnalysis != null && !pendingAnalysis.isDone()) {
            pendingAnalysis.cancel();
        }
        analyzing.set(true);
        pendingAnalysis = executor.submit("Analysing " + path.getFileName(), p -> {
            p.update(-1, "Reading " + path.getFileName());
            BufferedImage img = library.read(path);
            Image fx = SwingFXUtils.toFXImage(img, null);
            if (p.isCancelled()) {
                return null;
            }
            p.update(-1, "Running the detector on " + path.getFileName());
            return new Analysis(path, fx, detector.analyze(img));
        }, a -> {
            analyzing.set(false);
            if (a == null) {
                return;
            }
            imagePath.set(a.path());
            canvasMessage.set("");
            selectedProposal.set(-1);
            image.set(a.image());
            AnnotatedImages d = browser.datasetProperty().get();
            groundTruth.set(d == null ? LabeledBoxes.EMPTY : d.groundTruthFor(a.path(), a.trace().classNames()));
            trace.set(a.trace());
            timingsText.set(TraceQueries.timingsShort(a.trace().timingsMs()));
            timingsDetail.set(TraceQueries.timings(a.trace().timingsMs()));
            analysesDone.set(analysesDone.get() + 1);
        }, e -> {
            analyzing.set(false);
            // the selected item cannot be shown: say so on the canvas too, instead of the previous image
            imagePath.set(path);
            selectedProposal.set(-1);
            image.set(null);
            trace.set(null);
            timingsText.set("");
            String why = model.get() == null && modelError != null ? modelError : message(e);
            canvasMessage.set("Cannot show " + path.getFileName() + ": " + why);
            error(why);
        });
    }

    private void modelLoaded(ModelInfo info) {
        modelError = null;
        model.set(info);
        untrained.set(info.untrained());
        Map<String, String> d = info.description();
        String provenance = d.getOrDefault("provenance", "").replaceAll("^\\{|\\}$", "");
        modelText.set(info.name() + (provenance.isBlank() ? "" : " · " + provenance));
        String engine = d.getOrDefault("engine", "?");
        String[] words = engine.split(" ");
        String shortEngine = words.length >= 2 ? words[0] + " " + words[1] : engine;
        engineText.set(String.join(" · ", shortEngine, d.getOrDefault("device", "?"),
                d.getOrDefault("threads", "?") + " threads",
                TraceQueries.count(d.getOrDefault("parameters", "?")) + " params"));
        engineDetail.set(String.join("\n", d.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        nms.set(info.config().inference().nms());
        topK.set(info.config().inference().topK());
        numStages.set(info.config().head().stages());
        if (info.untrained()) {
            scoreThreshold.set(0.0);
            topK.set(Math.min(20, info.config().inference().topK()));
            warn("untrained model (random weights): no trained model in assets/models/default/, so boxes and scores are meaningless");
        } else {
            scoreThreshold.set(DEFAULT_THRESHOLD);
        }
    }

    // ---- exports --------------------------------------------------------------------------

    /** Writes the view (already snapshotted on the FX thread) as PNG. */
    public void exportPng(RenderedImage view, Path file) {
        executor.submit("Exporting PNG", p -> {
            exporter.writePng(view, file);
            return file;
        }, f -> info("view saved to " + f), e -> error("cannot write " + file.getFileName() + ": " + message(e)));
    }

    /**
     * Writes the visible detections as COCO results. From a dataset: its image id and category
     * ids (classes matched by name). Otherwise: image id = the image's position in its list,
     * category id = label + 1 (COCO ids start at 1).
     */
    public void exportDetections(Path file) {
        List<Detection> dets = visibleDetections.get();
        AnnotatedImages d = browser.datasetProperty().get();
        DetectionTrace t = trace.get();
        List<String> names = t == null ? List.of() : t.classNames();
        Long datasetId = d == null ? null : d.imageIds().get(imagePath.get());
        long imageId = datasetId != null ? datasetId : Math.max(0, browser.currentIndexProperty().get());
        java.util.function.IntUnaryOperator category =
                d == null ? label -> label + 1 : label -> d.categoryIdFor(label, names);
        executor.submit("Exporting detections", p -> {
            exporter.writeCocoResults(dets, imageId, category, file);
            return file;
        }, f -> info(dets.size() + " detections saved to " + f),
                e -> error("cannot write " + file.getFileName() + ": " + message(e)));
    }

    /** Writes the full trace as JSON. */
    public void exportTrace(Path file) {
        DetectionTrace t = trace.get();
        if (t == null) {
            warn("nothing to export yet");
            return;
        }
        executor.submit("Exporting trace", p -> {
            exporter.writeTrace(t, file);
            return file;
        }, f -> info("trace saved to " + f), e -> error("cannot write " + file.getFileName() + ": " + message(e)));
    }

    // ---- derived state --------------------------------------------------------------------

    private void recomputeDetections() {
        DetectionTrace t = trace.get();
        detections.set(t == null ? List.of() : detector.postProcess(t, nms.get(), topK.get()));
        recomputeVisible();
    }

    private void recomputeVisible() {
        visibleDetections.set(TraceQueries.atLeast(detections.get(), scoreThreshold.get()));
    }

    private void recomputeExperts() {
        DetectionTrace t = trace.get();
        ExpertTrace ex = t == null ? null : t.experts();
        expertMix.set(ex == null ? null : ex.imageMix());
        expertWeights.set(ex == null ? null : ex.weights());
    }

    private void recomputeSelection() {
        DetectionTrace t = trace.get();
        int p = selectedProposal.get();
        if (t == null || p < 0 || p >= t.numProposals()) {
            selectedScores.set(null);
            selectedExpertWeights.set(null);
            selectionText.set("");
            return;
        }
        selectedScores.set(TraceQueries.topScores(t, p));
        selectedExpertWeights.set(t.experts() == null ? null : t.experts().weights()[p]);
        int s = Math.max(0, Math.min(stage.get(), t.numStages()));
        selectionText.set(TraceQueries.describe(t, p, s));
    }

    private void info(String text) {
        notices.info(text);
    }

    private void warn(String text) {
        notices.warn(text);
    }

    private void error(String text) {
        notices.error(text);
    }

    static String message(Throwable e) {
        return Notices.message(e);
    }

    // ---- properties -----------------------------------------------------------------------

    public ReadOnlyObjectProperty<Path> imagePathProperty() {
        return imagePath.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DetectionTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabeledBoxes> groundTruthProperty() {
        return groundTruth.getReadOnlyProperty();
    }

    public IntegerProperty stageProperty() {
        return stage;
    }

    public ReadOnlyIntegerProperty numStagesProperty() {
        return numStages.getReadOnlyProperty();
    }

    public DoubleProperty scoreThresholdProperty() {
        return scoreThreshold;
    }

    public BooleanProperty nmsProperty() {
        return nms;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    /** All post-processed detections (top-k, NMS), before the score threshold. */
    public ReadOnlyObjectProperty<List<Detection>> detectionsProperty() {
        return detections.getReadOnlyProperty();
    }

    /** The detections drawn: post-processed and at least the score threshold. */
    public ReadOnlyObjectProperty<List<Detection>> visibleDetectionsProperty() {
        return visibleDetections.getReadOnlyProperty();
    }

    public BooleanProperty showDetectionsProperty() {
        return showDetections;
    }

    public BooleanProperty showGroundTruthProperty() {
        return showGroundTruth;
    }

    public BooleanProperty showStageBoxesProperty() {
        return showStageBoxes;
    }

    public BooleanProperty showTrailsProperty() {
        return showTrails;
    }

    public BooleanProperty showExpertBoxesProperty() {
        return showExpertBoxes;
    }

    public IntegerProperty selectedProposalProperty() {
        return selectedProposal;
    }

    public ReadOnlyObjectProperty<double[]> expertMixProperty() {
        return expertMix.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[][]> expertWeightsProperty() {
        return expertWeights.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[]> selectedExpertWeightsProperty() {
        return selectedExpertWeights.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<double[]> selectedScoresProperty() {
        return selectedScores.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelInfo> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelTextProperty() {
        return modelText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty engineTextProperty() {
        return engineText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timingsTextProperty() {
        return timingsText.getReadOnlyProperty();
    }

    /** Every part's time, one line (the status bar's tooltip). */
    public ReadOnlyStringProperty timingsDetailProperty() {
        return timingsDetail.getReadOnlyProperty();
    }

    /** {@code Detector.description()}, one fact a line (the status bar's tooltip). */
    public ReadOnlyStringProperty engineDetailProperty() {
        return engineDetail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty untrainedProperty() {
        return untrained.getReadOnlyProperty();
    }

    /** Shown on the canvas while there is no image: loading, or why the image cannot be shown. */
    public ReadOnlyStringProperty canvasMessageProperty() {
        return canvasMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notices.latestProperty();
    }

    public ReadOnlyBooleanProperty analyzingProperty() {
        return analyzing.getReadOnlyProperty();
    }

    /** Counts finished analyses (tests and the launch timer wait on it). */
    public ReadOnlyIntegerProperty analysesDoneProperty() {
        return analysesDone.getReadOnlyProperty();
    }

    public TaskExecutor executor() {
        return executor;
    }

    /** What is being browsed. */
    public ImageBrowserViewModel browser() {
        return browser;
    }
}
