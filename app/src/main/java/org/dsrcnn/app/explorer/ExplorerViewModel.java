package org.dsrcnn.app.explorer;

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
import org.dsrcnn.app.session.AnalysisSession;
import org.dsrcnn.app.session.ImageBrowserViewModel;
import org.dsrcnn.app.session.Notice;
import org.dsrcnn.app.session.Notices;
import org.dsrcnn.app.session.TraceQueries;
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
 * The Explorer page's state and logic: score threshold, NMS, top-k, which layers are drawn, the
 * DPG panel's data and the exports. The image, its trace, its ground truth, the model, the stage
 * and the selection are the shared {@link AnalysisSession}'s (the getters here are shortcuts to
 * it). Every change recomputes from the cached trace on the FX thread without running the model.
 * Use it on the FX thread.
 */
public final class ExplorerViewModel {

    /** Default score threshold for a trained model. */
    public static final double DEFAULT_THRESHOLD = 0.3;

    private final AnalysisSession session;
    private final Exporter exporter;

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

    private final javafx.collections.ObservableSet<Integer> hiddenClasses = javafx.collections.FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<LabeledBoxes> visibleGroundTruth =
            new ReadOnlyObjectWrapper<>(this, "visibleGroundTruth", LabeledBoxes.EMPTY);
    private final DoubleProperty markIou = new SimpleDoubleProperty(this, "markIou", 0.5);
    private final BooleanProperty showMarks = new SimpleBooleanProperty(this, "showMarks", true);
    private final BooleanProperty detectionsAtStage = new SimpleBooleanProperty(this, "detectionsAtStage", false);
    private final ReadOnlyObjectWrapper<GroundTruthMarks> marks = new ReadOnlyObjectWrapper<>(this, "marks");

    private final ReadOnlyObjectWrapper<double[]> expertMix = new ReadOnlyObjectWrapper<>(this, "expertMix");
    private final ReadOnlyObjectWrapper<float[][]> expertWeights = new ReadOnlyObjectWrapper<>(this, "expertWeights");
    private final ReadOnlyObjectWrapper<float[]> selectedExpertWeights =
            new ReadOnlyObjectWrapper<>(this, "selectedExpertWeights");
    private final ReadOnlyObjectWrapper<double[]> selectedScores = new ReadOnlyObjectWrapper<>(this, "selectedScores");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper(this, "selectionText", "");
    private final ReadOnlyObjectWrapper<DpgComparison.Pinned> pinnedDpg = new ReadOnlyObjectWrapper<>(this, "pinnedDpg");
    private final ReadOnlyObjectWrapper<float[][]> pinnedExpertWeights =
            new ReadOnlyObjectWrapper<>(this, "pinnedExpertWeights");
    private final ReadOnlyStringWrapper dpgComparison = new ReadOnlyStringWrapper(this, "dpgComparison", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");

    /** A view-model with a session of its own (tests, a window with only this page). */
    public ExplorerViewModel(DetectorService detector, ImageLibrary library, Exporter exporter, TaskExecutor executor,
            RecentItems recent, DatasetReader datasets) {
        this(new AnalysisSession(detector, library, executor, recent, datasets), exporter);
    }

    public ExplorerViewModel(AnalysisSession session, Exporter exporter) {
        this.session = session;
        this.exporter = exporter;
        pinnedDpg.addListener(o -> recomputeExperts());
        session.traceProperty().addListener((obs, o, t) -> {
            recomputeDetections();
            recomputeExperts();
            recomputeSelection();
        });
        session.modelProperty().addListener((obs, o, info) -> {
            if (info != null) {
                modelLoaded(info);
            }
        });
        nms.addListener(o -> recomputeDetections());
        topK.addListener(o -> recomputeDetections());
        detectionsAtStage.addListener(o -> recomputeDetections());
        session.stageProperty().addListener(o -> {
            if (detectionsAtStage.get()) {
                recomputeDetections();
            }
        });
        hiddenClasses.addListener((javafx.collections.SetChangeListener<Integer>) c -> recomputeVisible());
        session.groundTruthProperty().addListener(o -> recomputeVisible());
        session.crowdProperty().addListener(o -> recomputeVisible());
        markIou.addListener(o -> recomputeMarks());
        scoreThreshold.addListener(o -> recomputeVisible());
        session.selectedProposalProperty().addListener(o -> recomputeSelection());
        session.stageProperty().addListener(o -> recomputeSelection());
        visibleDetections.addListener(o -> statusText.set(visibleDetections.get().size() + " shown / "
                + detections.get().size() + " detections"));
    }

    // ---- actions (the session's) ------------------------------------------------------------

    /** See {@link AnalysisSession#start}. */
    public void start(Path what) {
        session.start(what);
    }

    /** See {@link AnalysisSession#openModel}. */
    public void openModel(Path dir) {
        session.openModel(dir);
    }

    /** See {@link AnalysisSession#openRecent}. */
    public void openRecent(RecentItems.Item item) {
        session.openRecent(item);
    }

    /** See {@link AnalysisSession#reanalyze}. */
    public void reanalyze() {
        session.reanalyze();
    }

    /** Cancels everything running or queued. */
    public void cancel() {
        session.cancel();
    }

    private void modelLoaded(ModelInfo info) {
        nms.set(info.config().inference().nms());
        topK.set(info.config().inference().topK());
        if (info.untrained()) {
            scoreThreshold.set(0.0);
            topK.set(Math.min(20, info.config().inference().topK()));
        } else {
            scoreThreshold.set(DEFAULT_THRESHOLD);
        }
    }

    // ---- exports --------------------------------------------------------------------------

    /** Writes the view (already snapshotted on the FX thread) as PNG. */
    public void exportPng(RenderedImage view, Path file) {
        session.executor().submit("Exporting PNG", p -> {
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
        exportDetections(file, false);
    }

    /**
     * Writes detections as COCO results: the visible ones, or with {@code all} every post-processed
     * detection (top-k, NMS) whatever the threshold, as an evaluation wants them. Without a dataset
     * id each record names the image's file.
     */
    public void exportDetections(Path file, boolean all) {
        List<Detection> dets = all ? detections.get() : visibleDetections.get();
        AnnotatedImages d = session.browser().datasetProperty().get();
        DetectionTrace t = session.traceProperty().get();
        List<String> names = t == null ? List.of() : t.classNames();
        Long datasetId = d == null ? null : d.imageIds().get(session.imagePathProperty().get());
        long imageId = datasetId != null ? datasetId : Math.max(0, session.browser().currentIndexProperty().get());
        Path image = session.imagePathProperty().get();
        String fileName = datasetId != null || image == null ? null : image.getFileName().toString();
        java.util.function.IntUnaryOperator category =
                d == null ? label -> label + 1 : label -> d.categoryIdFor(label, names);
        session.executor().submit("Exporting detections", p -> {
            exporter.writeCocoResults(dets, imageId, fileName, category, file);
            return file;
        }, f -> info(dets.size() + " detections saved to " + f),
                e -> error("cannot write " + file.getFileName() + ": " + message(e)));
    }

    /** Writes the full trace as JSON. */
    public void exportTrace(Path file) {
        DetectionTrace t = session.traceProperty().get();
        if (t == null) {
            warn("nothing to export yet");
            return;
        }
        java.util.Map<String, Object> source = new java.util.LinkedHashMap<>();
        Path image = session.imagePathProperty().get();
        source.put("image", image == null ? null : image.toAbsolutePath().toString());
        source.put("model", session.modelTextProperty().get());
        source.put("scoreThreshold", scoreThreshold.get());
        source.put("nms", nms.get());
        source.put("topK", topK.get());
        source.put("detectionStage", detectionStage());
        source.put("detectionsShown", visibleDetections.get().size());
        session.executor().submit("Exporting trace", p -> {
            exporter.writeTrace(t, source, file);
            return file;
        }, f -> info("trace saved to " + f), e -> error("cannot write " + file.getFileName() + ": " + message(e)));
    }

    // ---- derived state --------------------------------------------------------------------

    /** The stage whose detections are shown: the slider's (1..T) when asked for, else the last. */
    public int detectionStage() {
        DetectionTrace t = session.traceProperty().get();
        if (t == null) {
            return 0;
        }
        int s = session.stageProperty().get();
        return detectionsAtStage.get() && s >= 1 && s <= t.numStages() ? s : t.numStages();
    }

    private void recomputeDetections() {
        DetectionTrace t = session.traceProperty().get();
        detections.set(t == null ? List.of()
                : session.detector().postProcess(t, detectionStage(), nms.get(), topK.get()));
        recomputeVisible();
    }

    private void recomputeVisible() {
        visibleDetections.set(TraceQueries.atLeast(detections.get(), scoreThreshold.get()).stream()
                .filter(d -> !hiddenClasses.contains(d.label())).toList());
        visibleGroundTruth.set(withoutHidden(session.groundTruthProperty().get()));
        recomputeMarks();
    }

    private LabeledBoxes withoutHidden(LabeledBoxes b) {
        if (b == null || hiddenClasses.isEmpty()) {
            return b == null ? LabeledBoxes.EMPTY : b;
        }
        List<Integer> keep = new java.util.ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            if (!hiddenClasses.contains(b.labels()[i])) {
                keep.add(i);
            }
        }
        return new LabeledBoxes(keep.stream().map(i -> b.boxes()[i]).toArray(float[][]::new),
                keep.stream().mapToInt(i -> b.labels()[i]).toArray());
    }

    /**
     * TP / FP / FN of the shown classes: the detections (all of them, for the image's AP; the marks
     * count those at or above the threshold) against the GT and crowd regions of those classes.
     */
    private void recomputeMarks() {
        DetectionTrace t = session.traceProperty().get();
        LabeledBoxes gt = visibleGroundTruth.get();
        if (t == null || gt.size() == 0) {
            marks.set(null);
            return;
        }
        List<Detection> shownClasses = detections.get().stream().filter(d -> !hiddenClasses.contains(d.label())).toList();
        marks.set(GroundTruthMarks.of(shownClasses, gt, withoutHidden(session.crowdProperty().get()), t.classNames(),
                markIou.get(), scoreThreshold.get()));
    }

    private void recomputeExperts() {
        DetectionTrace t = session.traceProperty().get();
        ExpertTrace ex = t == null ? null : t.experts();
        expertMix.set(ex == null ? null : ex.imageMix());
        expertWeights.set(ex == null ? null : ex.weights());
        DpgComparison.Pinned pinned = pinnedDpg.get();
        DpgComparison.Pinned current = DpgComparison.Pinned.of(session.imagePathProperty().get(), t);
        if (pinned == null || current == null) {
            pinnedExpertWeights.set(null);
            dpgComparison.set(pinned == null ? "" : "pinned: " + pinned.name());
        } else if (!pinned.sameShape(current)) {
            pinnedExpertWeights.set(null);
            dpgComparison.set("the pinned mix (" + pinned.name() + ") is of another model: pin again");
        } else if (current.image() != null && current.image().equals(pinned.image())) {
            pinnedExpertWeights.set(pinned.weights());
            dpgComparison.set("pinned: " + pinned.name() + "; open another image to see its difference");
        } else {
            pinnedExpertWeights.set(pinned.weights());
            dpgComparison.set(DpgComparison.between(pinned, current).describe(pinned.name()));
        }
    }

    /**
     * Pins the shown image's DPG weights: the expert panel then shows other images' weights as their
     * difference to these, with how far their mix and proposals moved. A second call on another
     * image pins that one instead; {@link #unpinDpg()} ends the comparison.
     */
    public void pinDpg() {
        DpgComparison.Pinned p = DpgComparison.Pinned.of(session.imagePathProperty().get(), session.traceProperty().get());
        if (p == null) {
            info(session.traceProperty().get() == null ? "no analysed image to pin"
                    : "this model has static proposals: no DPG mix to pin");
            return;
        }
        pinnedDpg.set(p);
    }

    /** Ends the comparison: the expert panel shows the weights themselves again. */
    public void unpinDpg() {
        pinnedDpg.set(null);
    }

    /** The pinned image's DPG output, or null. */
    public ReadOnlyObjectProperty<DpgComparison.Pinned> pinnedDpgProperty() {
        return pinnedDpg.getReadOnlyProperty();
    }

    /** The pinned image's (Np, Ne) weights when they can be compared with the shown image's, else null. */
    public ReadOnlyObjectProperty<float[][]> pinnedExpertWeightsProperty() {
        return pinnedExpertWeights.getReadOnlyProperty();
    }

    /** What the comparison with the pinned image says (one line), or "" with nothing pinned. */
    public ReadOnlyStringProperty dpgComparisonProperty() {
        return dpgComparison.getReadOnlyProperty();
    }

    private void recomputeSelection() {
        DetectionTrace t = session.traceProperty().get();
        int p = session.selectedProposalProperty().get();
        if (t == null || p < 0 || p >= t.numProposals()) {
            selectedScores.set(null);
            selectedExpertWeights.set(null);
            selectionText.set("");
            return;
        }
        selectedScores.set(TraceQueries.topScores(t, p));
        selectedExpertWeights.set(t.experts() == null ? null : t.experts().weights()[p]);
        int s = Math.max(0, Math.min(session.stageProperty().get(), t.numStages()));
        selectionText.set(TraceQueries.describe(t, p, s));
    }

    private void info(String text) {
        session.notices().info(text);
    }

    private void warn(String text) {
        session.notices().warn(text);
    }

    private void error(String text) {
        session.notices().error(text);
    }

    static String message(Throwable e) {
        return Notices.message(e);
    }

    // ---- properties -----------------------------------------------------------------------

    /** The session every page shares. */
    public AnalysisSession session() {
        return session;
    }

    public ReadOnlyObjectProperty<Path> imagePathProperty() {
        return session.imagePathProperty();
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return session.imageProperty();
    }

    public ReadOnlyObjectProperty<DetectionTrace> traceProperty() {
        return session.traceProperty();
    }

    public ReadOnlyObjectProperty<LabeledBoxes> groundTruthProperty() {
        return session.groundTruthProperty();
    }

    public IntegerProperty stageProperty() {
        return session.stageProperty();
    }

    public ReadOnlyIntegerProperty numStagesProperty() {
        return session.numStagesProperty();
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

    /** Labels hidden with the legend: their detections and GT are not drawn, matched or counted. */
    public javafx.collections.ObservableSet<Integer> hiddenClasses() {
        return hiddenClasses;
    }

    /** The GT drawn: the current image's, without hidden classes. */
    public ReadOnlyObjectProperty<LabeledBoxes> visibleGroundTruthProperty() {
        return visibleGroundTruth.getReadOnlyProperty();
    }

    /** The IoU threshold of the TP / FP / FN marks (one of COCO's 0.50:0.05:0.95; 0.5 by default). */
    public DoubleProperty markIouProperty() {
        return markIou;
    }

    /** Draw the TP / FP / FN marks (when there is GT). */
    public BooleanProperty showMarksProperty() {
        return showMarks;
    }

    /** Show (and mark) the detections of the slider's stage 1..T instead of the last stage's. */
    public BooleanProperty detectionsAtStageProperty() {
        return detectionsAtStage;
    }

    /** The shown detections against the GT, or null without GT. */
    public ReadOnlyObjectProperty<GroundTruthMarks> marksProperty() {
        return marks.getReadOnlyProperty();
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
        return session.selectedProposalProperty();
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
        return session.modelProperty();
    }

    public ReadOnlyStringProperty modelTextProperty() {
        return session.modelTextProperty();
    }

    public ReadOnlyStringProperty engineTextProperty() {
        return session.engineTextProperty();
    }

    public ReadOnlyStringProperty timingsTextProperty() {
        return session.timingsTextProperty();
    }

    /** Every part's time, one line (the status bar's tooltip). */
    public ReadOnlyStringProperty timingsDetailProperty() {
        return session.timingsDetailProperty();
    }

    /** {@code Detector.description()}, one fact a line (the status bar's tooltip). */
    public ReadOnlyStringProperty engineDetailProperty() {
        return session.engineDetailProperty();
    }

    public ReadOnlyBooleanProperty untrainedProperty() {
        return session.untrainedProperty();
    }

    /** Shown on the canvas while there is no image: loading, or why the image cannot be shown. */
    public ReadOnlyStringProperty canvasMessageProperty() {
        return session.canvasMessageProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return session.noticeProperty();
    }

    public ReadOnlyBooleanProperty analyzingProperty() {
        return session.analyzingProperty();
    }

    /** Counts finished analyses (tests and the launch timer wait on it). */
    public ReadOnlyIntegerProperty analysesDoneProperty() {
        return session.analysesDoneProperty();
    }

    public TaskExecutor executor() {
        return session.executor();
    }

    /** What is being browsed. */
    public ImageBrowserViewModel browser() {
        return session.browser();
    }

    /** "N shown / M detections" for the status bar. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }
}
