package org.dsrcnn.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dsrcnn.engine.errors.OneLineReason;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.io.AtomicFiles;
import org.dsrcnn.engine.model.io.LoadedModel;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.dsrcnn.engine.model.io.NamedTensors;

/**
 * The checkpoints of one run, {@code RUN/checkpoints/iter_NNNNNNN/} holding {@code model/} (a
 * normal model directory), {@code optimizer.bin} (AdamW moments) and {@code state.json}
 * ({@link RunState}). A checkpoint is written under a temporary name ({@code .partial}) and renamed
 * when complete, then {@code RUN/last_checkpoint} is replaced atomically.
 *
 * <p>The directories on disk are the truth, not the pointer: a run resumes from the newest
 * checkpoint that loads, falling back past an incomplete or corrupt one (and saying so), whatever
 * {@code last_checkpoint} says or whether it exists. Pruning keeps the {@code keep} newest
 * checkpoints up to the one just written and never touches a newer one.
 */
public final class Checkpoints {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String POINTER = "last_checkpoint";
    private static final Pattern NAME = Pattern.compile("iter_(\\d{1,18})");
    private static final Pattern PARTIAL = Pattern.compile("iter_(\\d{1,18})\\.partial");

    private final Path runDir;
    private final int keep;

    /**
     * @param runDir the run directory
     * @param keep how many complete checkpoints to keep (older ones are deleted)
     */
    public Checkpoints(Path runDir, int keep) {
        this.runDir = runDir;
        this.keep = Math.max(1, keep);
    }

    /** A loaded checkpoint: the model (attached to the given manager), optimizer moments, state. */
    public record Loaded(LoadedModel model, Map<String, NDArray> optimizer, RunState state, Path dir) {}

    /** The checkpoints folder. */
    public Path dir() {
        return runDir.resolve("checkpoints");
    }

    /** The directory name of iteration {@code iter}'s checkpoint. */
    public static String name(long iter) {
        return String.format(Locale.ROOT, "iter_%07d", iter);
    }

    /** Writes a checkpoint of the current model, optimizer and state. */
    public Path save(SparseRcnn model, List<String> classNames, Map<String, Object> provenance,
            AdamW optimizer, RunState state, Consumer<String> messages) throws IOException {
        Path dir = dir();
        Files.createDirectories(dir);
        String name = name(state.iteration());
        Path tmp = dir.resolve(name + ".partial");
        AtomicFiles.deleteTree(tmp);
        Files.createDirectories(tmp);
        ModelFiles.save(model, classNames, provenance, tmp.resolve("model"));
        NamedTensors.write(optimizer.state(), tmp.resolve("optimizer.bin"));
        Files.writeString(tmp.resolve("state.json"), MAPPER.writeValueAsString(state));
        Path target = dir.resolve(name);
        if (Files.exists(target)) {
            // only a checkpoint that failed to load can be here (a resume starts from the newest one
            // that loads): keep it for inspection rather than delete it
            Path aside = dir.resolve(name + ".unreadable-" + Instant.now().toEpochMilli());
            AtomicFiles.move(target, aside);
            messages.accept("checkpoint " + name + " already existed and did not load: kept as " + aside.getFileName());
        }
        AtomicFiles.move(tmp, target);
        AtomicFiles.writeString(runDir.resolve(POINTER), name + "\n");
        prune(state.iteration());
        return target;
    }

    /** Every {@code iter_N} directory (complete or not), newest first. */
    public List<Path> candidates() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir())) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir())) {
            s.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)).forEach(out::add);
        }
        out.sort(Comparator.comparingLong(Checkpoints::iterationOf).reversed());
        return out;
    }

    /** True when the run directory holds any checkpoint, complete or partial. */
    public boolean any() throws IOException {
        if (!candidates().isEmpty()) {
            return true;
        }
        if (!Files.isDirectory(dir())) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir())) {
            return s.anyMatch(p -> PARTIAL.matcher(p.getFileName().toString()).matches());
        }
    }

    /** The iteration encoded in a checkpoint directory's name. */
    public static long iterationOf(Path checkpointDir) {
        Matcher m = NAME.matcher(checkpointDir.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(checkpointDir + " is not a checkpoint directory (iter_N)");
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Loads the newest checkpoint that loads. Every one skipped on the way, and a
     * {@code last_checkpoint} that disagrees with the choice, is reported through {@code messages}.
     */
    public Optional<Loaded> loadNewest(NDManager manager, Consumer<String> messages) throws IOException {
        for (Path dir : candidates()) {
            String name = dir.getFileName().toString();
            try {
                Loaded loaded = load(dir, manager);
                reportPointer(name, messages);
                return Optional.of(loaded);
            } catch (IOException | RuntimeException e) {
                messages.accept("checkpoint " + name + " is incomplete or unreadable (" + OneLineReason.of(e)
                        + "): falling back to an older one");
            }
        }
        return Optional.empty();
    }

    private void reportPointer(String chosen, Consumer<String> messages) throws IOException {
        Path pointer = runDir.resolve(POINTER);
        if (!Files.isRegularFile(pointer)) {
            messages.accept(POINTER + " is missing: resuming from the newest checkpoint on disk, " + chosen);
            return;
        }
        String named = Files.readString(pointer).strip();
        if (!named.equals(chosen)) {
            messages.accept(POINTER + " names " + named + ", but the newest checkpoint that loads is " + chosen
                    + ": resuming from " + chosen);
        }
    }

    private Loaded load(Path dir, NDManager manager) throws IOException {
        for (String part : List.of("state.json", "optimizer.bin", "model/" + ModelFiles.MODEL_JSON,
                "model/" + ModelFiles.WEIGHTS)) {
            if (!Files.isRegularFile(dir.resolve(part))) {
                throw new IOException("no " + part);
            }
        }
        RunState state = MAPPER.readValue(dir.resolve("state.json").toFile(), RunState.class);
        if (state.iteration() != iterationOf(dir)) {
            throw new IOException("state.json says iteration " + state.iteration());
        }
        Map<String, NDArray> opt = NamedTensors.read(dir.resolve("optimizer.bin"), manager);
        try {
            LoadedModel model = ModelFiles.load(dir.resolve("model"), manager);
            return new Loaded(model, opt, state, dir);
        } catch (RuntimeException e) {
            opt.values().forEach(NDArray::close);
            throw e;
        }
    }

    /**
     * Deletes what the checkpoint of {@code written} makes redundant: complete checkpoints beyond the
     * {@code keep} newest at or before it, and partial ones of a killed writer at or before it.
     * Anything newer than {@code written} stays.
     */
    private void prune(long written) throws IOException {
        List<Path> older = new ArrayList<>();
        for (Path p : candidates()) {
            if (iterationOf(p) <= written) {
                older.add(p); // newest first
            }
        }
        for (int i = keep; i < older.size(); i++) {
            AtomicFiles.deleteTree(older.get(i));
        }
        try (Stream<Path> s = Files.list(dir())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Matcher m = PARTIAL.matcher(p.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) <= written) {
                    AtomicFiles.deleteTree(p);
                }
            }
        }
    }
}
