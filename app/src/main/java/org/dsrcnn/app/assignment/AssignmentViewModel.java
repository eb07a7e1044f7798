package org.dsrcnn.app.assignment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dsrcnn.app.service.ModelInfo;
import org.dsrcnn.app.session.AnalysisSession;
import org.dsrcnn.app.session.GroundTruthEditor;
import org.dsrcnn.app.session.GroundTruthJson;
import org.dsrcnn.app.session.Notices;
import org.dsrcnn.engine.assign.Assignment;
import org.dsrcnn.engine.assign.GtMatch;
import org.dsrcnn.engine.assign.MatchProblem;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.io.AtomicFiles;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.viewer.canvas.LabeledBoxes;

/**
 * The Assignment page's state and logic: the matcher settings (defaults: the loaded model's
 * training settings), the assignment of stage t's predictions to the session's GT boxes, recomputed
 * on every edit, stage change or setting (see {@link LatestWins}: on the FX thread while it fits in
 * a frame, else off it with the latest edit winning), the per-GT rows, the summary, the strip of
 * the selected proposal's assignment per stage, and saving / loading the boxes as COCO JSON.
 * Use it on the FX thread.
 */
public final class AssignmentViewModel implements AutoCloseable {

    /** Recomputes measured slower than this (ms) leave the FX thread (a 60 Hz frame is 16.7 ms). */
    static final double FRAME_BUDGET_MS = 4.0;

    /** One row of the per-GT table. */
    public record GtRow(int index, String className, double topIouSum, double k, double kStar, int positives,
            double meanCost, double meanIou, double bestIou) {}

    /** One cell of the follow-one-query strip: the proposal's GT at stage t (page index, -1 = background). */
    public record FollowCell(int stage, int gt, double cost, double iou) {}

    private final AnalysisSession session;
    private final LatestWins runner = new LatestWins(FRAME_BUDGET_MS);

    private final ObjectProperty<MatcherSettings.Kind> kind =
            new SimpleObjectProperty<>(this, "kind", MatcherSettings.Kind.OTA_DYNAMIC_K);
    private final IntegerProperty fixedK = new SimpleIntegerProperty(this, "fixedK", 3);
    private final IntegerProperty q = new SimpleIntegerProperty(this, "q", 8);
    private final BooleanProperty unitIncreasing = new SimpleBooleanProperty(this, "unitIncreasing", true);
    private final BooleanProperty cap = new SimpleBooleanProperty(this, "cap", true);
    private final DoubleProperty eps = new SimpleDoubleProperty(this, "eps", 0.1);
    private final IntegerProperty iterations = new SimpleIntegerProperty(this, "iterations", 50);
    private final BooleanProperty compare = new SimpleBooleanProperty(this, "compare", false);
    private final BooleanProperty drawMode = new SimpleBooleanProperty(this, "drawMode", false);

    private final ReadOnlyObjectWrapper<AssignmentResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<List<GtRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyObjectWrapper<List<FollowCell>> follow =
            new ReadOnlyObjectWrapper<>(this, "follow", List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private double unitStep = 0.5;
    private double capFraction = 0.8;
    private DsrcnnConfig.Loss loss;
    private AssignmentResult lastFull;

    public AssignmentViewModel(AnalysisSession session) {
        this.session = session;
        session.modelProperty().addListener((obs, o, info) -> {
            if (info != null) {
                useModelSettings(info);
            }
        });
        if (session.modelProperty().get() != null) {
            useModelSettings(session.modelProperty().get());
        }
        for (javafx.beans.Observable o : List.of(session.traceProperty(), session.groundTruthProperty(),
                session.stageProperty(), kind, fixedK, q, unitIncreasing, cap, eps, iterations)) {
            o.addListener(x -> recompute());
        }
        session.selectedProposalProperty().addListener(o -> recomputeFollow());
        editor().draggingProperty().addListener((obs, was, now) -> {
            if (!now) {
                recompute(); // a cancelled drag: back to the full result
            }
        });
    }

    /** The panel's settings back to the loaded model's training settings. */
    public void useModelSettings(ModelInfo info) {
        DsrcnnConfig.Matcher m = info.config().matcher();
        MatcherSettings s = MatcherSettings.of(m);
        loss = info.config().loss();
        unitStep = s.unitStep();
        capFraction = s.capFraction();
        kind.set(s.kind());
        fixedK.set(s.fixedK());
        q.set(s.q());
        unitIncreasing.set(s.unitIncreasing());
        cap.set(s.cap() || s.kind() == MatcherSettings.Kind.HUNGARIAN);
        eps.set(s.eps());
        iterations.set(s.iterations());
        recompute();
    }

    /** The settings as the panel shows them. */
    public MatcherSettings settings() {
        return new MatcherSettings(kind.get(), fixedK.get(), q.get(), unitIncreasing.get(), unitStep, cap.get(),
                capFraction, eps.get(), iterations.get());
    }

    /** The stage the assignment is computed at: the shared stage, at least 1 (stage 0 has no logits). */
    public int stage() {
        DetectionTrace t = session.traceProperty().get();
        int s = session.stageProperty().get();
        return t == null ? Math.max(1, s) : Math.max(1, Math.min(s, t.numStages()));
    }

    private void recompute() {
        DetectionTrace t = session.traceProperty().get();
        LabeledBoxes gt = session.groundTruthProperty().get();
        if (t == null || loss == null || t.stages().get(1).logits() == null) {
            show(null);
            return;
        }
        MatcherSettings s;
        try {
            s = settings();
            s.toConfig();
        } catch (RuntimeException e) {
            summary.set("invalid setting: " + Notices.message(e));
            return;
        }
        int stage = stage();
        DsrcnnConfig.Loss weights = loss;
        // while a box is dragged only stage t is matched; the end of the drag recomputes everything
        AssignmentResult previous = editor().draggingProperty().get() ? lastFull : null;
        runner.submit(() -> AssignmentComputation.compute(t, gt, stage, s, weights, previous), r -> {
            if (previous == null) {
                lastFull = r;
            }
            show(r);
        }, e -> summary.set("cannot assign: " + Notices.message(e)));
    }

    private void show(AssignmentResult r) {
        result.set(r);
        rows.set(r == null ? List.of() : rowsOf(r));
        summary.set(r == null ? "" : summaryOf(r));
        statusText.set(r == null ? "no assignment" : String.format(Locale.ROOT, "stage %d: %d positives for %d GT",
                r.stage(), r.chosen().positives(), r.gtIndex().length));
        recomputeFollow();
    }

    private List<GtRow> rowsOf(AssignmentResult r) {
        List<String> names = session.traceProperty().get().classNames();
        Assignment a = r.chosen();
        List<GtRow> out = new ArrayList<>();
        for (GtMatch g : a.gts()) {
            double meanCost = 0;
            double meanIou = 0;
            for (int p = 0; p < g.positives().length; p++) {
                meanCost += g.costs()[p];
                meanIou += a.costs().iou()[g.gt()][g.positives()[p]];
            }
            int n = g.positives().length;
            double best = 0;
            for (double v : a.costs().iou()[g.gt()]) {
                best = Math.max(best, v);
            }
            out.add(new GtRow(r.gtIndex()[g.gt()], names.get(g.label()), g.topIouSum(), g.k(), g.kStar(), n,
                    n == 0 ? Double.NaN : meanCost / n, n == 0 ? Double.NaN : meanIou / n, best));
        }
        return List.copyOf(out);
    }

    private static String summaryOf(AssignmentResult r) {
        Assignment a = r.chosen();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s at stage %d: %d positives, %d background",
                a.matcher(), r.stage(), a.positives(), a.background()));
        if (a.supplies() != null) {
            boolean capped = a.supplies().capScale() < 1 || a.capDemoted() > 0;
            s.append(String.format(Locale.ROOT, "; cap %s; Sinkhorn %d iterations, marginal error %.2g",
                    capped ? "fired (x" + String.format(Locale.ROOT, "%.2f", a.supplies().capScale()) + ", "
                            + a.capDemoted() + " demoted)" : "not reached",
                    a.sinkhornIterations(), a.marginalError()));
        }
        if (r.leftOut() > 0) {
            s.append("; ").append(r.leftOut()).append(" box(es) of a class the model lacks left out");
        }
        return s.toString();
    }

    private void recomputeFollow() {
        AssignmentResult r = result.get();
        int p = session.selectedProposalProperty().get();
        if (r == null || p < 0 || p >= r.chosen().numPredictions()) {
            follow.set(List.of());
            return;
        }
        List<FollowCell> cells = new ArrayList<>();
        for (int t = 0; t < r.chosenPerStage().size(); t++) {
            Assignment a = r.chosenPerStage().get(t);
            int g = a.gtOfPrediction()[p];
            double cost = g >= 0 ? a.costs().total()[g][p] : Double.NaN;
            double iou = g >= 0 ? a.costs().iou()[g][p] : Double.NaN;
            cells.add(new FollowCell(t + 1, g >= 0 ? r.gtIndex()[g] : -1, cost, iou));
        }
        follow.set(List.copyOf(cells));
    }

    /**
     * What hovering cost-matrix cell (row, column) tells: the cost's parts, the total, the IoU and
     * the plan's value; row = problem GT index, or the background row (= number of GT).
     */
    public String describeCell(int row, int column) {
        AssignmentResult r = result.get();
        if (r == null || column < 0 || column >= r.chosen().numPredictions()) {
            return "";
        }
        Assignment a = r.chosen();
        int m = a.costs().rows();
        String who = a.gtOfPrediction()[column] >= 0 ? "positive of GT " + r.gtIndex()[a.gtOfPrediction()[column]]
                : "background";
        String plan = a.plan() == null ? "" : String.format(Locale.ROOT, ", plan %.3f", a.plan()[row][column]);
        if (row >= m) {
            return String.format(Locale.ROOT, "#%d vs background: cost 0%s (%s)", column, plan, who);
        }
        return String.format(Locale.ROOT, "#%d vs GT %d: cost %.3f = cls %.3f + L1 %.3f + GIoU %.3f, IoU %.3f%s (%s)",
                column, r.gtIndex()[row], a.costs().total()[row][column], a.costs().cls()[row][column],
                a.costs().l1()[row][column], a.costs().giou()[row][column], a.costs().iou()[row][column], plan, who);
    }

    /** The current problem as {@code dsrcnn assign} reads it, or null without a trace. */
    public String problemJson() {
        DetectionTrace t = session.traceProperty().get();
        if (t == null) {
            return null;
        }
        MatchProblem p = AssignmentComputation.problem(t, session.groundTruthProperty().get(), stage(), null);
        return ProblemJson.write(p);
    }

    // ---- ground-truth editing ----------------------------------------------------------------

    public GroundTruthEditor editor() {
        return session.groundTruth();
    }

    /** Deletes the selected box. */
    public void deleteSelected() {
        editor().remove(editor().selectedProperty().get());
    }

    /** Moves the selected box by (dx, dy) px. */
    public void nudge(double dx, double dy) {
        editor().nudge(editor().selectedProperty().get(), dx, dy);
    }

    /** Sets the class of the selected box, and of the boxes drawn next. */
    public void setClass(int label) {
        DetectionTrace t = session.traceProperty().get();
        if (t == null || label < 0 || label >= t.classNames().size()) {
            return;
        }
        editor().newLabelProperty().set(label);
        editor().setLabel(editor().selectedProperty().get(), label);
    }

    /** Writes the boxes as a COCO annotation file (atomically, on the background executor). */
    public void saveGroundTruth(Path file) {
        DetectionTrace t = session.traceProperty().get();
        Path image = session.imagePathProperty().get();
        if (t == null || image == null) {
            session.notices().warn("no image to save boxes for");
            return;
        }
        String text = GroundTruthJson.write(image.getFileName().toString(), t.imageWidth(), t.imageHeight(),
                t.classNames(), session.groundTruthProperty().get());
        int n = session.groundTruthProperty().get().size();
        session.executor().submit("Saving boxes", p -> {
            AtomicFiles.writeString(file, text);
            return file;
        }, f -> session.notices().info(n + " boxes saved to " + f),
                e -> session.notices().error("cannot write " + file.getFileName() + ": " + Notices.message(e)));
    }

    /** Reads boxes from a COCO annotation file into the current image (one undo step). */
    public void loadGroundTruth(Path file) {
        DetectionTrace t = session.traceProperty().get();
        if (t == null) {
            session.notices().warn("open an image first");
            return;
        }
        List<String> names = t.classNames();
        session.executor().submit("Reading boxes", p -> GroundTruthJson.read(Files.readString(file), names), gt -> {
            editor().replaceAll(gt);
            session.notices().info(gt.size() + " boxes read from " + file.getFileName());
        }, e -> session.notices().error("cannot read " + file.getFileName() + ": " + Notices.message(e)));
    }

    // ---- properties ---------------------------------------------------------------------------

    public AnalysisSession session() {
        return session;
    }

    public ObjectProperty<MatcherSettings.Kind> kindProperty() {
        return kind;
    }

    public IntegerProperty fixedKProperty() {
        return fixedK;
    }

    public IntegerProperty qProperty() {
        return q;
    }

    public BooleanProperty unitIncreasingProperty() {
        return unitIncreasing;
    }

    /** The 80 % cap on the positives. */
    public BooleanProperty capProperty() {
        return cap;
    }

    public DoubleProperty epsProperty() {
        return eps;
    }

    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    /** OTA and Hungarian side by side. */
    public BooleanProperty compareProperty() {
        return compare;
    }

    /** The next drag draws a box (key w). */
    public BooleanProperty drawModeProperty() {
        return drawMode;
    }

    /** The latest assignment, or null (no trace or model). */
    public ReadOnlyObjectProperty<AssignmentResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<GtRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The selected proposal's assignment at each stage. */
    public ReadOnlyObjectProperty<List<FollowCell>> followProperty() {
        return follow.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** How long the last recompute took, ms. */
    public double lastRecomputeMs() {
        return runner.lastMs();
    }

    @Override
    public void close() {
        runner.close();
    }
}
