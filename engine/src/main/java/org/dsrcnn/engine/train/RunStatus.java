package org.dsrcnn.engine.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code RUN/status.json}: what a trainer is doing, for whoever watches the run (the app's Training
 * page, a script). Plain Java, no JavaFX, so the app reads it with this class.
 *
 * <pre>
 * {"state": "running"|"finished"|"stopped"|"failed", "pid": 1234, "iter": 40, "max_iters": 100,
 *  "started": "2026-01-01T10:00:00Z", "updated": "2026-01-01T10:05:00Z",
 *  "eta_s": 312.5, "images_per_s": 6.4, "message": "one line", "checkpoint": "iter_0000040"}
 * </pre>
 *
 * {@code eta_s}, {@code images_per_s}, {@code message} and {@code checkpoint} may be absent. A
 * trainer killed with SIGKILL cannot write its end, so a reader must treat "running" whose process
 * is gone as failed: {@link #effective()} does that.
 *
 * @param state one of {@link #STATES}
 * @param pid the trainer's process id
 * @param iter the last completed iteration
 * @param maxIters the iteration the run trains to
 * @param started when the trainer process started (ISO-8601 instant)
 * @param updated when this status was written
 * @param etaS estimated seconds to {@code maxIters} (null when unknown)
 * @param imagesPerS recent training speed (null when unknown)
 * @param message why the run failed or stopped, or what it is doing (null when nothing to say)
 * @param checkpoint the newest checkpoint written by this run, e.g. {@code iter_0000040} (null if none yet)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // a newer trainer may add fields; an older reader keeps working
public record RunStatus(
        @JsonProperty("state") String state,
        @JsonProperty("pid") long pid,
        @JsonProperty("iter") long iter,
        @JsonProperty("max_iters") long maxIters,
        @JsonProperty("started") String started,
        @JsonProperty("updated") String updated,
        @JsonProperty("eta_s") Double etaS,
        @JsonProperty("images_per_s") Double imagesPerS,
        @JsonProperty("message") String message,
        @JsonProperty("checkpoint") String checkpoint) {

    public static final String FILE = "status.json";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String STOPPED = "stopped";
    public static final String FAILED = "failed";
    public static final List<String> STATES = List.of(RUNNING, FINISHED, STOPPED, FAILED);

    /** A process whose start differs from {@link #started} by more than this is another process under a reused pid. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public RunStatus {
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("state must be one of " + STATES + ", got " + state);
        }
        if (message != null) {
            message = message.lines().findFirst().orElse("").strip(); // one line, whatever the caller passed
        }
    }

    /**
     * Reads {@code runDir/status.json}.
     *
     * @return empty when the run has no status file (never started by this version, or not yet)
     * @throws IllegalArgumentException with one line naming the file when it is not a valid status
     */
    public static Optional<RunStatus> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw corrupt(file, "not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw corrupt(file, "expected a JSON object");
        }
        for (String required : List.of("state", "pid", "iter", "max_iters", "started", "updated")) {
            if (!root.hasNonNull(required)) {
                throw corrupt(file, "missing \"" + required + "\"");
            }
        }
        if (!STATES.contains(root.get("state").asText())) {
            throw corrupt(file, "\"state\" must be one of " + STATES + ", got " + root.get("state"));
        }
        for (String integer : List.of("pid", "iter", "max_iters")) {
            if (!root.get(integer).canConvertToLong() || !root.get(integer).isIntegralNumber()) {
                throw corrupt(file, "\"" + integer + "\" must be an integer, got " + root.get(integer));
            }
        }
        RunStatus status;
        try {
            status = MAPPER.treeToValue(root, RunStatus.class);
        } catch (JsonProcessingException e) {
            throw corrupt(file, e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        } catch (IllegalArgumentException e) {
            throw corrupt(file, e.getMessage());
        }
        try {
            Instant.parse(status.started());
            Instant.parse(status.updated());
        } catch (DateTimeParseException e) {
            throw corrupt(file, "\"started\" and \"updated\" must be ISO-8601 instants");
        }
        return Optional.of(status);
    }

    /** Writes {@code runDir/status.json} atomically: a temporary file in the same directory, then an atomic rename. */
    public void write(Path runDir) throws IOException {
        Path tmp = Files.createTempFile(runDir, ".status-", ".tmp");
        try {
            Files.writeString(tmp, MAPPER.writeValueAsString(this));
            try {
                Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * True while the trainer that wrote this status is alive: its pid exists and that process started
     * when this status says (so a pid reused by another process after a kill does not count).
     */
    public boolean processAlive() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return false;
        }
        Optional<Instant> start = handle.get().info().startInstant();
        if (start.isEmpty()) {
            return true; // the OS does not say: trust the pid
        }
        Duration gap = Duration.between(Instant.parse(started), start.get()).abs();
        return gap.compareTo(START_TOLERANCE) <= 0;
    }

    /**
     * This status as a reader should take it: a "running" status whose process is gone (killed with
     * SIGKILL, out of memory, power loss) is "failed", with a message saying so.
     */
    public RunStatus effective() {
        if (!RUNNING.equals(state) || processAlive()) {
            return this;
        }
        return new RunStatus(FAILED, pid, iter, maxIters, started, updated, null, null,
                "the trainer (pid " + pid + ") ended without writing its status (killed?) after iteration " + iter,
                checkpoint);
    }

    /** A copy in another state with another message (eta and speed kept only while running). */
    public RunStatus with(String newState, long newIter, String newMessage) {
        boolean running = RUNNING.equals(newState);
        return new RunStatus(newState, pid, newIter, maxIters, started, Instant.now().toString(),
                running ? etaS : null, running ? imagesPerS : null, newMessage, checkpoint);
    }

    private static IllegalArgumentException corrupt(Path file, String why) {
        return new IllegalArgumentException(file + " is corrupt: " + why);
    }
}
