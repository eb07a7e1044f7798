package org.dsrcnn.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.io.AtomicFiles;
import org.dsrcnn.engine.model.io.LoadedModel;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.dsrcnn.engine.model.io.NamedTensors;

/**
 * The checkpoints of one run, {@code RUN/checkpoints/iter_NNNNNNN/} holding {@code model/} (a
 * normal model directory), {@code optimizer.bin} (AdamW moments) and {@code state.json}
 * ({@link RunState}). A checkpoint is written under a temporary name and renamed when complete,
 * then {@code RUN/last_checkpoint} is replaced atomically: a process killed at any moment leaves
 * the previous checkpoint intact and pointed to.
 */
public final class Checkpoints {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String POINTER = "last_checkpoint";

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

    /** Writes a checkpoint of the current model, optimizer and state. */
    public Path save(SparseRcnn model, List<String> classNames, Map<String, Object> provenance,
            AdamW optimizer, RunState state) throws IOException {
        Path dir = runDir.resolve("checkpoints");
        Files.createDirectories(dir);
        String name = String.format(Locale.ROOT, "iter_%07d", state.iteration());
        Path tmp = dir.resolve(name + ".partial");
        AtomicFiles.deleteTree(tmp);
        Files.createDirectories(tmp);
        ModelFiles.save(model, classNames, provenance, tmp.resolve("model"));
        NamedTensors.write(optimizer.state(), tmp.resolve("optimizer.bin"));
        Files.writeString(tmp.resolve("state.json"), MAPPER.writeValueAsString(state));
        Path target = dir.resolve(name);
        AtomicFiles.deleteTree(target);
        AtomicFiles.move(tmp, target);
        AtomicFiles.writeString(runDir.resolve(POINTER), name + "\n");
        prune(dir, name);
        return target;
    }

    /** The directory of the last complete checkpoint, if any. */
    public Optional<Path> last() throws IOException {
        Path pointer = runDir.resolve(POINTER);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        Path dir = runDir.resolve("checkpoints").resolve(Files.readString(pointer).trim());
        if (!Files.isRegularFile(dir.resolve("state.json"))) {
            throw new IOException("last_checkpoint points to an incomplete checkpoint: " + dir);
        }
        return Optional.of(dir);
    }

    /** Loads the last complete checkpoint, if any. */
    public Optional<Loaded> loadLast(NDManager manager) throws IOException {
        Optional<Path> last = last();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Path dir = last.get();
        LoadedModel model = ModelFiles.load(dir.resolve("model"), manager);
        Map<String, NDArray> opt = NamedTensors.read(dir.resolve("optimizer.bin"), manager);
        RunState state = MAPPER.readValue(dir.resolve("state.json").toFile(), RunState.class);
        return Optional.of(new Loaded(model, opt, state, dir));
    }

    private void prune(Path dir, String newest) throws IOException {
        List<Path> complete = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith("iter_")).sorted().forEach(complete::add);
        }
        for (Path p : complete) {
            String n = p.getFileName().toString();
            if (n.endsWith(".partial") && !n.startsWith(newest)) {
                AtomicFiles.deleteTree(p);
            }
        }
        complete.removeIf(p -> p.getFileName().toString().endsWith(".partial"));
        for (int i = 0; i < complete.size() - keep; i++) {
            AtomicFiles.deleteTree(complete.get(i));
        }
    }
}
