package org.dsrcnn.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.dsrcnn.app.service.TaskExecutor;
import org.dsrcnn.app.session.Notices;
import org.dsrcnn.engine.data.shapes.ShapesDatasetWriter;
import org.dsrcnn.engine.model.io.AtomicFiles;
import org.dsrcnn.engine.train.StopRequest;
import org.dsrcnn.viewer.curves.Curve;

/**
 * The Training page's state (testable without a window): the runs found in the runs folder and
 * the sample folder, refreshed by a {@link RunWatcher} off the FX thread; which runs are shown in
 * the charts; the chart settings (smoothing, log axes, x axis, stage, filter); and the commands
 * (launch, stop, resume, delete, open a model in the Explorer, generate a shapes dataset).
 */
public final class TrainingViewModel implements AutoCloseable {

    private final TrainingLauncher launcher;
    private final TaskExecutor executor;
    private final Notices notices;
    private final Consumer<Path> openModel;
    private final ObjectProperty<Path> runsFolder = new SimpleObjectProperty<>(this, "runsFolder");
    private final ObjectProperty<Path> samplesFolder = new SimpleObjectProperty<>(this, "samplesFolder");
    private final ObservableList<RunInfo> runs = FXCollections.observableArrayList();
    private final ObservableSet<String> hidden = FXCollections.observableSet();
    private final ObjectProperty<RunInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0.6);
    private final BooleanProperty logX = new SimpleBooleanProperty(this, "logX", false);
    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final BooleanProperty showRaw = new SimpleBooleanProperty(this, "showRaw", true);
    private final ObjectProperty<RunColumns.XAxis> xAxis =
            new SimpleObjectProperty<>(this, "xAxis", RunColumns.XAxis.ITERATION);
    private final IntegerProperty stage = new SimpleIntegerProperty(this, "stage", 6);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyIntegerWrapper dataRevision = new ReadOnlyIntegerWrapper(this, "dataRevision");
    private final RunColors colors = new RunColors();
    private final Map<Path, Process> children = new ConcurrentHashMap<>();
    private final RunWatcher watcher;

    /**
     * @param launcher starts {@code dsrcnn train} processes
     * @param executor the app's background executor (dataset generation)
     * @param notices where errors are shown
     * @param openModel loads a model directory into the Explorer and shows it
     * @param runsFolder the user's runs folder (made when a run is launched)
     * @param samplesFolder the shipped sample runs, or null
     */
    public TrainingViewModel(TrainingLauncher launcher, TaskExecutor executor, Notices notices, Consumer<Path> openModel,
            Path runsFolder, Path samplesFolder) {
        this.launcher = launcher;
        this.executor = executor;
        this.notices = notices;
        this.openModel = openModel;
        this.runsFolder.set(runsFolder);
        this.samplesFolder.set(samplesFolder);
        this.watcher = new RunWatcher(this::folders, list -> Platform.runLater(() -> update(list)));
        this.runsFolder.addListener((o, a, b) -> watcher.pollSoon());
    }

    /** Starts following the runs (every 500 ms: new metrics lines appear within a second). */
    public void start() {
        watcher.start(500);
    }

    private List<RunWatcher.Folder> folders() {
        List<RunWatcher.Folder> f = new ArrayList<>();
        f.add(new RunWatcher.Folder(runsFolder.get(), false));
        if (samplesFolder.get() != null) {
            f.add(new RunWatcher.Folder(samplesFolder.get(), true));
        }
        return f;
    }

    /** Replaces the runs with a fresh read (FX thread), keeping the selection by directory. */
    void update(List<RunInfo> fresh) {
        Path selectedDir = selected.get() == null ? null : selected.get().dir();
        boolean sameRuns = runs.size() == fresh.size() && java.util.stream.IntStream.range(0, fresh.size())
                .allMatch(i -> runs.get(i).dir().equals(fresh.get(i).dir()));
        // a snapshot equals the last one when no record arrived (same arrays, same row counts)
        boolean newData = !sameRuns || java.util.stream.IntStream.range(0, fresh.size())
                .anyMatch(i -> !runs.get(i).metrics().equals(fresh.get(i).metrics()));
        if (sameRuns) {
            // in place, row by row: replacing the whole list would rebuild the table's cells twice a second
            for (int i = 0; i < fresh.size(); i++) {
                if (!runs.get(i).equals(fresh.get(i))) {
                    runs.set(i, fresh.get(i));
                }
            }
        } else {
            runs.setAll(fresh);
        }
        selected.set(fresh.stream().filter(r -> r.dir().equals(selectedDir)).findFirst().orElse(null));
        if (newData) {
            dataRevision.set(dataRevision.get() + 1);
        }
    }

    /** The curves of one card for the shown runs, on the chosen x axis. */
    public List<Curve> curves(MetricCard card) {
        String column = card.column(stage.get());
        List<Curve> curves = new ArrayList<>();
        for (RunInfo run : runs) {
            if (hidden.contains(run.dir().toString())) {
                continue;
            }
            MetricsSnapshot m = run.metrics();
            Map<String, double[]> table = card.eval() ? m.eval() : m.train();
            int n = card.eval() ? m.evalRows() : m.trainRows();
            double[] y = table.get(column);
            double[] x = table.get(xAxis.get().column());
            if (y == null || x == null || n == 0) {
                continue;
            }
            curves.add(new Curve(run.dir().toString(), run.name() + (run.sample() ? " (sample)" : ""),
                    colors.of(run.dir().toString()), x, y, n));
        }
        return curves;
    }

    /** The colour the charts give a run. */
    public String colorOf(RunInfo run) {
        return colors.of(run.dir().toString());
    }

    /** Shows or hides a run's curves. */
    public void setShown(RunInfo run, boolean shown) {
        if (shown) {
            hidden.remove(run.dir().toString());
        } else {
            hidden.add(run.dir().toString());
        }
        dataRevision.set(dataRevision.get() + 1);
    }

    public boolean isShown(RunInfo run) {
        return !hidden.contains(run.dir().toString());
    }

    /** The command line a spec would run (shown under the form, copyable). */
    public String commandLine(NewRunSpec spec) {
        return String.join(" ", launcher.commandLine(spec.trainArgs(runsFolder.get())).stream()
                .map(TrainingViewModel::quote).toList());
    }

    static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./=:,+@%\\-\\[\\]]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /**
     * Launches a validated spec as a child process (its log: {@code RUN/train.log}).
     *
     * @return the field errors; empty when it was launched
     */
    public Map<String, String> launch(NewRunSpec spec) {
        Map<String, String> errors = spec.validate(runsFolder.get());
        if (!errors.isEmpty()) {
            return errors;
        }
        Path dir = runsFolder.get().resolve(spec.name());
        try {
            startChild(dir, spec.trainArgs(runsFolder.get()));
        } catch (IOException e) {
            notices.error("Could not start training in " + dir + ": " + OneLine.of(e));
        }
        return errors;
    }

    private void startChild(Path dir, List<String> args) throws IOException {
        Process p = launcher.start(args, dir.resolve("train.log"));
        children.put(dir, p);
        p.onExit().thenRun(() -> {
            children.remove(dir);
            watcher.pollSoon();
        });
        watcher.pollSoon();
    }

    /**
     * Asks a running run to stop: a {@code STOP} file in its directory, which the trainer sees at
     * its next iteration (it finishes the step, writes a checkpoint, records "stopped" and exits 0).
     * Works as well for a run started in a terminal.
     */
    public void stop(RunInfo run) {
        if (run.sample() || !run.running()) {
            return;
        }
        try {
            AtomicFiles.writeString(run.dir().resolve(StopRequest.FILE), "requested by the explorer app\n");
        } catch (IOException e) {
            notices.error("Could not ask " + run.name() + " to stop: " + OneLine.of(e));
        }
        watcher.pollSoon();
    }

    /**
     * Continues a stopped, failed or incomplete run from its newest checkpoint: {@code dsrcnn train
     * --out RUN --resume}, which takes the run's saved config, dataset and evaluation settings.
     */
    public void resume(RunInfo run) {
        if (run.sample() || run.running()) {
            return;
        }
        try {
            startChild(run.dir(), List.of("train", "--out", run.dir().toString(), "--resume", "--no-progress"));
        } catch (IOException e) {
            notices.error("Could not resume " + run.name() + ": " + OneLine.of(e));
        }
    }

    /**
     * Deletes a run directory (the view asks first). Refused for a running run and for sample runs.
     *
     * @return true when it was deleted
     */
    public boolean delete(RunInfo run) {
        if (run.sample()) {
            notices.error(run.name() + " is a sample run shipped with the app; it cannot be deleted");
            return false;
        }
        if (run.running()) {
            notices.error(run.name() + " is running; stop it before deleting it");
            return false;
        }
        try {
            AtomicFiles.deleteTree(run.dir());
        } catch (IOException e) {
            notices.error("Could not delete " + run.dir() + ": " + OneLine.of(e));
            return false;
        }
        watcher.pollSoon();
        return true;
    }

    /** Loads a model directory (a run's final model or a checkpoint's) into the Explorer. */
    public void open(Path modelDir) {
        openModel.accept(modelDir);
    }

    /**
     * Generates a shapes dataset on the background executor (with progress, cancellable) and hands
     * its folder to {@code whenDone}. Refuses a folder that exists (never overwrites).
     */
    public void generateShapes(Path folder, int trainImages, long seed, Consumer<Path> whenDone) {
        if (Files.exists(folder)) {
            notices.error(folder + " exists already; choose another name or use it as the dataset");
            return;
        }
        int val = Math.max(20, trainImages / 10);
        executor.submit("Generating " + trainImages + " shapes images", progress -> {
            Path tmp = folder.resolveSibling(folder.getFileName() + ".partial");
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            new ShapesDatasetWriter(256, seed).write(tmp, trainImages, val, step -> {
                if (progress.isCancelled()) {
                    throw new java.util.concurrent.CancellationException();
                }
                long n = done.addAndGet(step); // told once per image, from the writer's threads
                progress.update((double) n / (trainImages + val), "shapes: " + n + " / " + (trainImages + val));
            });
            Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
            return folder;
        }, whenDone, e -> notices.error("Could not generate shapes: " + OneLine.of(e)));
    }

    /** Processes this app started that are still running (run directory -> process). */
    public Map<Path, Process> children() {
        return Map.copyOf(children);
    }

    public ObservableList<RunInfo> runs() {
        return runs;
    }

    public ObjectProperty<RunInfo> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Path> runsFolderProperty() {
        return runsFolder;
    }

    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public BooleanProperty logXProperty() {
        return logX;
    }

    public BooleanProperty logYProperty() {
        return logY;
    }

    public BooleanProperty showRawProperty() {
        return showRaw;
    }

    public ObjectProperty<RunColumns.XAxis> xAxisProperty() {
        return xAxis;
    }

    public IntegerProperty stageProperty() {
        return stage;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Changes whenever a shown run has new data, or the shown runs change. */
    public ReadOnlyIntegerProperty dataRevisionProperty() {
        return dataRevision.getReadOnlyProperty();
    }

    /** Stops watching; child training processes go on (they do not depend on the window). */
    @Override
    public void close() {
        watcher.close();
    }
}
