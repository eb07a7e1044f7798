package org.dsrcnn.app.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.train.Checkpoints;
import org.dsrcnn.engine.train.MetricsReader;
import org.dsrcnn.engine.train.RunStatus;

/**
 * Follows one run directory: its {@code metrics.jsonl} incrementally (a torn last line waits for
 * its newline), and on every {@link #read()} its small files again ({@code status.json},
 * {@code config.json}), deriving the state a user should see ({@link RunStatus#effective()}: a run
 * whose status says running but whose process is gone, killed or crashed, is failed), with its
 * log's tail when it failed.
 * A file that cannot be read is reported for this run only; the rest of the run is still shown.
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int LOG_TAIL_LINES = 15;

    private final Path dir;
    private final boolean sample;
    private MetricsReader reader;
    private RunColumns columns = new RunColumns();
    private long lastSize;

    public RunDirectory(Path dir, boolean sample) {
        this.dir = dir;
        this.sample = sample;
        this.reader = new MetricsReader(dir.resolve("metrics.jsonl"));
    }

    /** True when {@code dir} looks like a run directory. */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("metrics.jsonl")) || Files.isRegularFile(dir.resolve("config.json"))
                || Files.isRegularFile(dir.resolve("status.json"));
    }

    public Path dir() {
        return dir;
    }

    /** Reads what is new and returns the run as it is now. */
    public RunInfo read() {
        List<String> problems = new ArrayList<>();
        Path metricsFile = dir.resolve("metrics.jsonl");
        try {
            long size = Files.exists(metricsFile) ? Files.size(metricsFile) : 0;
            if (size < lastSize) {
                columns = new RunColumns(); // replaced or truncated: start over
                reader = new MetricsReader(metricsFile);
            }
            lastSize = size;
            for (JsonNode record : reader.poll()) {
                columns.accept(record);
            }
            if (reader.skipped() > 0) {
                problems.add("metrics.jsonl: " + reader.skipped() + " line(s) are not valid JSON and were skipped");
            }
        } catch (IOException | RuntimeException e) {
            problems.add("metrics.jsonl: " + OneLine.of(e));
        }
        MetricsSnapshot metrics = columns.snapshot();

        long maxIters = -1;
        JsonNode config = readJson("config.json", problems);
        if (config != null) {
            maxIters = config.path("solver").path("maxIters").asLong(-1);
        }
        RunStatus status = null;
        try {
            status = RunStatus.read(dir).map(RunStatus::effective).orElse(null);
        } catch (IllegalArgumentException e) {
            problems.add("status.json: " + OneLine.of(e).replace(dir.resolve("status.json") + " ", ""));
        }
        String state;
        long pid = -1;
        long iteration = (long) nanToMinusOne(metrics.lastTrain("iter"));
        double eta = metrics.lastTrain("eta_s");
        String started = "";
        String message = "";
        Path model = Files.isRegularFile(dir.resolve("model").resolve("model.json")) ? dir.resolve("model") : null;
        if (status != null) {
            state = status.state();
            pid = status.pid();
            iteration = Math.max(iteration, status.iter());
            maxIters = status.maxIters();
            if (status.etaS() != null) {
                eta = status.etaS();
            }
            started = status.started();
            message = status.message() == null ? "" : status.message();
        } else {
            state = model != null ? RunInfo.FINISHED : RunInfo.INCOMPLETE;
        }
        double[] rate = recentRates(metrics);
        if (!state.equals(RunInfo.RUNNING)) {
            eta = Double.NaN;
        } else if (!Double.isFinite(eta) && maxIters > 0 && rate[1] > 0) {
            eta = (maxIters - iteration) / rate[1];
        }
        String logTail = state.equals(RunInfo.FAILED) ? tail(dir.resolve("train.log")) : "";
        return new RunInfo(dir.getFileName().toString(), dir, sample, state, pid, Math.max(iteration, 0), maxIters,
                rate[0], eta, started, message, logTail, String.join("; ", problems),
                metrics, model, checkpoints());
    }

    /** Recent training speed: {images/s, iterations/s} over the last 20 train records (wall clock, evaluations included). */
    static double[] recentRates(MetricsSnapshot m) {
        double[] seen = m.train().get("images_seen");
        double[] wall = m.train().get("wall_s");
        double[] iter = m.train().get("iter");
        int n = m.trainRows();
        if (seen == null || wall == null || iter == null || n < 2) {
            return new double[] {m.lastTrain("images_per_s"), Double.NaN};
        }
        int from = Math.max(0, n - 21);
        double dt = wall[n - 1] - wall[from];
        if (!(dt > 0)) {
            return new double[] {m.lastTrain("images_per_s"), Double.NaN};
        }
        return new double[] {(seen[n - 1] - seen[from]) / dt, (iter[n - 1] - iter[from]) / dt};
    }

    private static double nanToMinusOne(double v) {
        return Double.isFinite(v) ? v : -1;
    }

    private JsonNode readJson(String name, List<String> problems) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                problems.add(name + ": not a JSON object");
                return null;
            }
            return node;
        } catch (IOException | RuntimeException e) {
            problems.add(name + ": " + OneLine.of(e));
            return null;
        }
    }

    /** The last {@link #LOG_TAIL_LINES} lines of a log, or "" when there is none. */
    static String tail(Path log) {
        if (!Files.isRegularFile(log)) {
            return "(no train.log: the run was not started from this app)";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return "(train.log is empty)";
            }
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(train.log cannot be read: " + OneLine.of(e) + ")";
        }
    }

    /** The checkpoints' model directories ({@code checkpoints/iter_N/model}), oldest first. */
    private List<Path> checkpoints() {
        try {
            // the trainer's own listing (complete iter_N directories only); keep is irrelevant to reading
            List<Path> newestFirst = new Checkpoints(dir, 1).candidates();
            List<Path> models = new ArrayList<>();
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                Path model = newestFirst.get(i).resolve("model");
                if (Files.isRegularFile(model.resolve("model.json"))) {
                    models.add(model);
                }
            }
            return models;
        } catch (IOException e) {
            return List.of();
        }
    }
}
