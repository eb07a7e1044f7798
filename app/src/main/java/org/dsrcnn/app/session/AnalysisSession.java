package org.dsrcnn.app.session;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.dsrcnn.app.service.AnnotatedImages;
import org.dsrcnn.app.service.Cancellable;
import org.dsrcnn.app.service.DatasetReader;
import org.dsrcnn.app.service.DetectorService;
import org.dsrcnn.app.service.ImageLibrary;
import org.dsrcnn.app.service.ModelInfo;
import org.dsrcnn.app.service.RecentItems;
import org.dsrcnn.app.service.TaskExecutor;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.viewer.canvas.LabeledBoxes;

/**
 * The one analysis session every page observes, in the role of JabRef's StateManager: what is
 * browsed, the current image, its trace (every stage of the model on it), its ground truth (from
 * a dataset, or drawn; see {@link GroundTruthEditor}), the loaded model, the stage and the selected
 * proposal, and the notices. Model loading, image reading and inference go through the {@link
 * TaskExecutor}; the last {@value #CACHED_ANALYSES} analyses are kept, so going back to an image
 * does not run the model again. Use it on the FX thread.
 */
public final class AnalysisSession {

    /** Analyses kept for instant revisits (cleared when the model changes). */
    public static final int CACHED_ANALYSES = 8;

    private final DetectorService detector;
    private final ImageLibrary library;
    private final TaskExecutor executor;
    private final Notices notices = new Notices();
    private final ImageBrowserViewModel browser;
    private final GroundTruthEditor groundTruth = new GroundTruthEditor();

    private final ReadOnlyObjectWrapper<Path> imagePath = new ReadOnlyObjectWrapper<>(this, "imagePath");
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyObjectWrapper<DetectionTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<LabeledBoxes> crowd = new ReadOnlyObjectWrapper<>(this, "crowd", LabeledBoxes.EMPTY);
    private final IntegerProperty stage = new SimpleIntegerProperty(this, "stage", 6);
    private final ReadOnlyIntegerWrapper numStages = new ReadOnlyIntegerWrapper(this, "numStages", 6);
    private final IntegerProperty selectedProposal = new SimpleIntegerProperty(this, "selectedProposal", -1);

    private final ReadOnlyObjectWrapper<ModelInfo> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper(this, "modelText", "no model");
    private final ReadOnlyStringWrapper engineText = new ReadOnlyStringWrapper(this, "engineText", "");
    private final ReadOnlyStringWrapper engineDetail = new ReadOnlyStringWrapper(this, "engineDetail", "");
    private final ReadOnlyStringWrapper timingsText = new ReadOnlyStringWrapper(this, "timingsText", "");
    private final ReadOnlyStringWrapper timingsDetail = new ReadOnlyStringWrapper(this, "timingsDetail", "");
    private final ReadOnlyBooleanWrapper untrained = new ReadOnlyBooleanWrapper(this, "untrained", false);
    private static final String LOADING = "Loading the model…";
    private static final String NOTHING_OPEN = "No image open: open an image, a folder or a COCO dataset";
    private final ReadOnlyStringWrapper canvasMessage = new ReadOnlyStringWrapper(this, "canvasMessage", LOADING);
    private final ReadOnlyBooleanWrapper analyzing = new ReadOnlyBooleanWrapper(this, "analyzing", false);
    private final ReadOnlyIntegerWrapper analysesDone = new ReadOnlyIntegerWrapper(this, "analysesDone", 0);

    private final Map<Path, Analysis> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Analysis> eldest) {
            return size() > CACHED_ANALYSES;
        }
    };
    /**
     * Traces of the current model kept without their images (a dataset evaluation's, so browsing
     * its images afterwards only reads the file); cleared when the model changes.
     */
    private final Map<Path, DetectionTrace> traceCache = new java.util.HashMap<>();
    private Path checkpointCache = java.nio.file.Path.of(System.getProperty("user.home"), ".dsrcnn", "imported");
    private Cancellable pendingAnalysis;
    private String modelError;
    /** start() was asked to open nothing: once the model is in, the canvas says what to do. */
    private boolean nothingRequested;
    /** the notice of the last image that could not be shown (taken down when one is shown). */
    private Notice viewNotice;

    /**
     * @param datasets reads annotated datasets, or null when this build cannot
     */
    public AnalysisSession(DetectorService detector, ImageLibrary library, TaskExecutor executor,
            RecentItems recent, DatasetReader datasets) {
        this.detector = detector;
        this.library = library;
        this.executor = executor;
        this.browser = new ImageBrowserViewModel(library, datasets, executor, recent, notices);
        trace.addListener((obs, o, t) -> {
            if (t != null) {
                numStages.set(t.numStages());
            }
        });
        // an open that finds nothing (empty folder, broken dataset) says so on an empty canvas
        browser.nothingToShowProperty().addListener((obs, o, why) -> {
            if (!why.isEmpty() && image.get() == null) {
                canvasMessage.set(why);
            }
        });
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
        nothingRequested = what == null;
        executor.submit("Loading the default model", detector::loadDefault, this::modelLoaded, e -> {
            modelError = "cannot load the default model: " + Notices.message(e);
            notices.error(modelError);
            if (image.get() == null && LOADING.equals(canvasMessage.get())) {
                canvasMessage.set(modelError);
            }
        });
        if (what == null) {
            return;
        }
        if (Files.isDirectory(what)) {
            browser.openFolder(what);
        } else if (what.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
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
        }, e -> notices.error("cannot load model " + dir.getFileName() + ": " + Notices.message(e)));
    }

    /**
     * Imports a PyTorch / detectron2 checkpoint (e.g. the official Sparse R-CNN COCO weights) once
     * into {@code cacheRoot} and loads it (see {@code engine/checkpoint/CheckpointImport}); a second
     * open of the same file loads the cached model directory at once.
     */
    public void openCheckpoint(Path checkpoint, Path cacheRoot) {
        executor.submit("Importing " + checkpoint.getFileName(), p -> {
            p.update(-1, "Importing " + checkpoint.getFileName() + " (once; then cached)");
            Path dir = org.dsrcnn.engine.checkpoint.CheckpointImport.importCached(checkpoint, cacheRoot);
            p.update(-1, "Loading " + dir.getFileName());
            return detector.load(dir, p);
        }, info -> {
            modelLoaded(info);
            browser.recent().add(RecentItems.Kind.MODEL, checkpoint);
            reanalyze();
        }, e -> notices.error("cannot open checkpoint " + checkpoint.getFileName() + ": " + Notices.message(e)));
    }

    /** Opens a remembered item again. */
    public void openRecent(RecentItems.Item item) {
        switch (item.kind()) {
            case FOLDER -> browser.openFolder(item.path());
            case FILE -> browser.openFile(item.path());
            case MODEL -> {
                if (Files.isRegularFile(item.path())) {
                    openCheckpoint(item.path(), checkpointCache);
                } else {
                    openModel(item.path());
                }
            }
            case DATASET -> browser.openDataset(item.path());
        }
    }

    /** Runs the model again on the current image (after a model change). */
    public void reanalyze() {
        if (imagePath.get() != null) {
            cache.remove(imagePath.get());
            traceCache.remove(imagePath.get().toAbsolutePath());
            analyze(imagePath.get());
        }
    }

    /** Keeps traces the current model made elsewhere (a dataset evaluation), by image file. */
    public void rememberTraces(Map<Path, DetectionTrace> traces) {
        traces.forEach((p, t) -> traceCache.put(p.toAbsolutePath(), t));
    }

    /** True when the current model's trace of this image is known (no inference needed to show it). */
    public boolean knowsTrace(Path image) {
        return traceCache.containsKey(image.toAbsolutePath()) || cache.containsKey(image);
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
        Analysis cached = cache.get(path);
        if (cached != null) {
            analyzing.set(false);
            show(cached);
            return;
        }
        analyzing.set(true);
        DetectionTrace known = traceCache.get(path.toAbsolutePath());
        pendingAnalysis = executor.submit("Analysing " + path.getFileName(), p -> {
            p.update(-1, "Reading " + path.getFileName());
            BufferedImage img = library.read(path);
            Image fx = SwingFXUtils.toFXImage(img, null);
            if (p.isCancelled()) {
                return null;
            }
            if (known != null) {
                return new Analysis(path, fx, known);
            }
            p.update(-1, "Running the detector on " + path.getFileName());
            return new Analysis(path, fx, detector.analyze(img));
        }, a -> {
            analyzing.set(false);
            if (a == null) {
                return;
            }
            cache.put(a.path(), a);
            show(a);
        }, e -> {
            analyzing.set(false);
            // the selected item cannot be shown: say so on the canvas too, instead of the previous image
            imagePath.set(path);
            selectedProposal.set(-1);
            image.set(null);
            trace.set(null);
            crowd.set(LabeledBoxes.EMPTY);
            groundTruth.showImage(path, LabeledBoxes.EMPTY, 0, 0);
            timingsText.set("");
            String why = model.get() == null && modelError != null ? modelError : Notices.message(e);
            canvasMessage.set("Cannot show " + path.getFileName() + ": " + why);
            viewNotice = notices.error(why);
        });
    }

    private void show(Analysis a) {
        notices.dismiss(viewNotice);
        viewNotice = null;
        imagePath.set(a.path());
        canvasMessage.set("");
        selectedProposal.set(-1);
        image.set(a.image());
        AnnotatedImages d = browser.datasetProperty().get();
        crowd.set(d == null ? LabeledBoxes.EMPTY : d.crowdFor(a.path(), a.trace().classNames()));
        groundTruth.showImage(a.path(),
                d == null ? LabeledBoxes.EMPTY : d.groundTruthFor(a.path(), a.trace().classNames()),
                a.trace().imageWidth(), a.trace().imageHeight());
        trace.set(a.trace());
        timingsText.set(TraceQueries.timingsShort(a.trace().timingsMs()));
        timingsDetail.set(TraceQueries.timings(a.trace().timingsMs()));
        analysesDone.set(analysesDone.get() + 1);
    }

    private void modelLoaded(ModelInfo info) {
        modelError = null;
        cache.clear();
        traceCache.clear();
        Map<String, String> d = info.description();
        String provenance = d.getOrDefault("provenance", "").replaceAll("^\\{|\\}$", "");
        modelText.set(info.name() + (provenance.isBlank() ? "" : " · " + provenance));
        String engine = d.getOrDefault("engine", "?");
        String[] words = engine.split(" ");
        String shortEngine = words.length >= 2 ? words[0] + " " + words[1] : engine;
        engineText.set(String.join(" · ", shortEngine, d.getOrDefault("device", "?"),
                d.getOrDefault("threads", "?") + " threads",
                TraceQueries.count(d.getOrDefault("parameters", "?")) + " params"));
        engineDetail.set(DescriptionText.lines(d));
        numStages.set(info.config().head().stages());
        untrained.set(info.untrained());
        model.set(info);
        if (nothingRequested && image.get() == null && LOADING.equals(canvasMessage.get())) {
            canvasMessage.set(NOTHING_OPEN);
        }
        if (info.untrained()) {
            notices.warn("untrained model (random weights): no trained model in assets/models/default/, so boxes and scores are meaningless");
        }
    }

    /** Where imported checkpoints are cached (default {@code ~/.dsrcnn/imported}). */
    public void setCheckpointCache(Path dir) {
        checkpointCache = dir;
    }

    public Path checkpointCache() {
        return checkpointCache;
    }

    // ---- properties -----------------------------------------------------------------------

    public DetectorService detector() {
        return detector;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public Notices notices() {
        return notices;
    }

    /** What is being browsed. */
    public ImageBrowserViewModel browser() {
        return browser;
    }

    /** The current image's ground truth, editable with undo. */
    public GroundTruthEditor groundTruth() {
        return groundTruth;
    }

    public ReadOnlyObjectProperty<Path> imagePathProperty() {
        return imagePath.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DetectionTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** The current image's GT boxes (the editor's current state). */
    public ReadOnlyObjectProperty<LabeledBoxes> groundTruthProperty() {
        return groundTruth.boxesProperty();
    }

    /** The current image's crowd regions (a dataset's {@code iscrowd} boxes): ignore regions for evaluation. */
    public ReadOnlyObjectProperty<LabeledBoxes> crowdProperty() {
        return crowd.getReadOnlyProperty();
    }

    /** The stage shown by every page, 0..T (0 = the proposals entering stage 1). */
    public IntegerProperty stageProperty() {
        return stage;
    }

    public ReadOnlyIntegerProperty numStagesProperty() {
        return numStages.getReadOnlyProperty();
    }

    /** The selected proposal in every page, or -1. */
    public IntegerProperty selectedProposalProperty() {
        return selectedProposal;
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

    /** {@code Detector.description()}, one fact a line (the status bar's tooltip). */
    public ReadOnlyStringProperty engineDetailProperty() {
        return engineDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timingsTextProperty() {
        return timingsText.getReadOnlyProperty();
    }

    /** Every part's time, one line (the status bar's tooltip). */
    public ReadOnlyStringProperty timingsDetailProperty() {
        return timingsDetail.getReadOnlyProperty();
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

    /** Counts shown analyses, cached ones included (tests and the launch timer wait on it). */
    public ReadOnlyIntegerProperty analysesDoneProperty() {
        return analysesDone.getReadOnlyProperty();
    }
}
