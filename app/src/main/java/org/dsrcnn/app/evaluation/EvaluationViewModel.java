package org.dsrcnn.app.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dsrcnn.app.service.AnnotatedImages;
import org.dsrcnn.app.service.Cancellable;
import org.dsrcnn.app.service.CocoDatasetReader;
import org.dsrcnn.app.service.DatasetRun;
import org.dsrcnn.app.session.AnalysisSession;
import org.dsrcnn.app.session.Notices;
import org.dsrcnn.engine.eval.ImageMatching;

/**
 * The Evaluation page's state: runs the loaded model over the open dataset on the session's
 * executor (progress in the status bar, cancel with its button), keeps the result per model and
 * dataset, hands the traces to the session so browsing the images afterwards runs nothing, and
 * lists the images sorted and filtered. FX thread.
 */
public final class EvaluationViewModel {

    /** Which images the table lists. */
    public enum Filter {
        ALL("all images"), WITH_FP("with a false positive"), WITH_FN("with a missed object"),
        BELOW_HALF("image AP < 0.5");

        private final String text;

        Filter(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The table's order. */
    public enum Order {
        WORST_AP("worst AP first"), MOST_FP("most FP first"), MOST_FN("most FN first"), DATASET("dataset order");

        private final String text;

        Order(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final AnalysisSession session;
    private final ReadOnlyObjectWrapper<DatasetRun> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final DoubleProperty iou = new SimpleDoubleProperty(this, "iou", 0.5);
    private final DoubleProperty minScore = new SimpleDoubleProperty(this, "minScore", 0.3);
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(this, "filter", Filter.ALL);
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(this, "order", Order.WORST_AP);
    private final ObservableList<ImageRow> rows = FXCollections.observableArrayList();
    private final List<ImageRow> allRows = new ArrayList<>();
    private Cancellable pending;
    private String resultKey;

    public EvaluationViewModel(AnalysisSession session) {
        this.session = session;
        iou.addListener(o -> relist());
        minScore.addListener(o -> relist());
        filter.addListener(o -> relist());
        order.addListener(o -> relist());
        session.modelProperty().addListener(o -> clear("the model changed: evaluate again"));
        // the status bar's cancel button cancels every task, this one included
        session.executor().busyProperty().addListener((obs, was, busy) -> {
            if (!busy && running.get() && pending != null && pending.isDone()) {
                running.set(false);
                summary.set("evaluation cancelled");
            }
        });
        session.browser().datasetProperty().addListener(o -> {
            if (!key().equals(resultKey)) {
                clear("");
            }
        });
    }

    private String key() {
        AnnotatedImages d = session.browser().datasetProperty().get();
        var m = session.modelProperty().get();
        return (d == null ? "" : d.source().toAbsolutePath().toString()) + "|" + (m == null ? "" : m.name()) + "@"
                + System.identityHashCode(m);
    }

    private void clear(String why) {
        result.set(null);
        allRows.clear();
        rows.clear();
        summary.set(why);
    }

    /** Runs the model over the open dataset and evaluates it; nothing when no dataset is open. */
    public void evaluate() {
        AnnotatedImages d = session.browser().datasetProperty().get();
        if (d == null) {
            session.notices().warn("open a COCO dataset first (Explorer: Open → COCO dataset)");
            return;
        }
        if (running.get()) {
            return;
        }
        Path annotations = d.source();
        Path imageDir = CocoDatasetReader.imageDirOf(annotations);
        String key = key();
        running.set(true);
        summary.set("evaluating " + d.images().size() + " images…");
        pending = session.executor().submit("Evaluating " + d.name(),
                p -> session.detector().evaluate(annotations, imageDir, p), run -> {
                    running.set(false);
                    resultKey = key;
                    session.rememberTraces(run.traces());
                    show(run, d);
                    session.notices().info(String.format(Locale.ROOT, "%s evaluated: AP %.3f on %d images in %.1f s",
                            d.name(), run.evaluation().metrics().ap(), run.dataset().size(), run.seconds()));
                }, e -> {
                    running.set(false);
                    summary.set("evaluation failed: " + Notices.message(e));
                    session.notices().error("evaluation failed: " + Notices.message(e));
                });
    }

    /** Stops a running evaluation. */
    public void cancel() {
        if (pending != null && !pending.isDone()) {
            pending.cancel();
            running.set(false);
            summary.set("evaluation cancelled");
        }
    }

    private void show(DatasetRun run, AnnotatedImages d) {
        allRows.clear();
        for (int i = 0; i < d.images().size(); i++) {
            Path file = d.images().get(i);
            Long id = d.imageIds().get(file);
            ImageMatching m = id == null ? null : run.evaluation().images().get(id);
            if (m != null) {
                allRows.add(new ImageRow(i, file, id, m.metrics().ap(), m.metrics().ap50(), 0, 0, 0, m));
            }
        }
        summary.set(String.format(Locale.ROOT, "%s · %d images · %.1f s%s", d.name(), run.dataset().size(),
                run.seconds(), run.skipped().isEmpty() ? "" : " · " + run.skipped().size() + " unreadable"));
        result.set(run);
        relist();
    }

    private void relist() {
        List<ImageRow> out = new ArrayList<>();
        for (ImageRow r : allRows) {
            ImageRow at = r.at(iou.get(), minScore.get());
            boolean keep = switch (filter.get()) {
                case ALL -> true;
                case WITH_FP -> at.fp() > 0;
                case WITH_FN -> at.fn() > 0;
                case BELOW_HALF -> at.ap() >= 0 && at.ap() < 0.5;
            };
            if (keep) {
                out.add(at);
            }
        }
        // images without GT (AP -1) go last when sorting by AP: there is nothing to rank them by
        Comparator<ImageRow> byAp = Comparator.comparingDouble(r -> r.ap() < 0 ? 2 : r.ap());
        Comparator<ImageRow> c = switch (order.get()) {
            case WORST_AP -> byAp.thenComparingInt(r -> -r.fp());
            case MOST_FP -> Comparator.comparingInt((ImageRow r) -> -r.fp()).thenComparing(byAp);
            case MOST_FN -> Comparator.comparingInt((ImageRow r) -> -r.fn()).thenComparing(byAp);
            case DATASET -> Comparator.comparingInt(ImageRow::index);
        };
        out.sort(c.thenComparingInt(ImageRow::index));
        rows.setAll(out);
    }

    /** Shows an image of the table in the Explorer (instant: its trace is known). */
    public void open(ImageRow row) {
        session.browser().select(row.index());
    }

    public ReadOnlyObjectProperty<DatasetRun> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line about the result, or why there is none. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** IoU threshold of the table's TP / FP / FN (one of COCO's ten). */
    public DoubleProperty iouProperty() {
        return iou;
    }

    /** Score threshold of the table's TP / FP / FN. */
    public DoubleProperty minScoreProperty() {
        return minScore;
    }

    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    public ObjectProperty<Order> orderProperty() {
        return order;
    }

    /** The images listed, filtered and in order. */
    public ObservableList<ImageRow> rows() {
        return rows;
    }

    /** The session every page shares. */
    public AnalysisSession session() {
        return session;
    }
}
