package org.dsrcnn.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dsrcnn.engine.model.io.AtomicFiles;

/**
 * The layout of a run directory and the decisions about an existing one: is it a run at all, what
 * does it hold, and, when told to start over ({@code --force}), moving the old run aside into
 * {@code RUN/replaced-<time>/} rather than deleting anything.
 *
 * <pre>
 *   config.json        the run's config (rewritten when a resume changes solver settings)
 *   run.json           where the data is, for {@code --resume} without {@code --data}
 *   metrics.jsonl      one record per iteration (see {@link MetricsLog})
 *   checkpoints/       see {@link Checkpoints}
 *   last_checkpoint    the name of the newest checkpoint (advisory: the directories are the truth)
 *   model/             the final model
 *   status.json        see {@link RunStatus}
 *   STOP               create it to stop the trainer after its current step
 *   .lock              held by the trainer using the directory (see {@link RunLock})
 * </pre>
 */
final class RunDirectory {
    static final String CONFIG = "config.json";
    static final String RUN_INFO = "run.json";
    static final String METRICS = "metrics.jsonl";
    static final String MODEL = "model";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What belongs to a run's history; moved together by {@link #moveAside()}. */
    private static final List<String> RUN_FILES =
            List.of(CONFIG, RUN_INFO, METRICS, "checkpoints", "last_checkpoint", MODEL, RunStatus.FILE);

    private final Path dir;

    RunDirectory(Path dir) {
        this.dir = dir;
    }

    Path path() {
        return dir;
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    /**
     * Creates the directory if needed.
     *
     * @throws IllegalArgumentException when the path exists and is not a directory
     */
    void create() throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("run directory " + dir + " is a file; expected a directory (or a path "
                    + "that does not exist yet)");
        }
        Files.createDirectories(dir);
    }

    /** What of an earlier run the directory holds, e.g. {@code "checkpoints up to iter_0000010, metrics.jsonl"}; empty if nothing. */
    String previousRun(Checkpoints checkpoints) throws IOException {
        List<String> parts = new ArrayList<>();
        List<Path> cks = checkpoints.candidates();
        if (!cks.isEmpty()) {
            parts.add("checkpoints up to " + cks.get(0).getFileName());
        } else if (checkpoints.any()) {
            parts.add("a partial checkpoint");
        }
        for (String f : List.of(METRICS, MODEL, CONFIG)) {
            if (Files.exists(dir.resolve(f))) {
                parts.add(f.equals(MODEL) ? "model/" : f);
            }
        }
        return String.join(", ", parts);
    }

    /**
     * Moves every file of the previous run into {@code replaced-<UTC time>/} (nothing is deleted).
     *
     * @return the folder they went to
     */
    Path moveAside() throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path target = dir.resolve("replaced-" + stamp);
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve("replaced-" + stamp + "-" + n);
        }
        Files.createDirectories(target);
        for (String f : RUN_FILES) {
            Path p = dir.resolve(f);
            if (Files.exists(p)) {
                AtomicFiles.move(p, target.resolve(f));
            }
        }
        return target;
    }

    /** Records where the run's data is (and its evaluation size), for a later {@code --resume}. */
    void writeRunInfo(Path dataDir, int evalImages) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("data", dataDir.toAbsolutePath().normalize().toString());
        root.put("eval_images", evalImages);
        AtomicFiles.writeString(dir.resolve(RUN_INFO), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** The evaluation size recorded by {@link #writeRunInfo}, if any. */
    Optional<Integer> recordedEvalImages() {
        Path file = dir.resolve(RUN_INFO);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            return root != null && root.path("eval_images").canConvertToInt()
                    && root.path("eval_images").isIntegralNumber()
                    ? Optional.of(root.get("eval_images").intValue()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The data directory recorded by {@link #writeRunInfo}, if any. */
    Optional<Path> recordedDataDir() {
        Path file = dir.resolve(RUN_INFO);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            return root != null && root.hasNonNull("data") ? Optional.of(Path.of(root.get("data").asText()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is corrupt: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
