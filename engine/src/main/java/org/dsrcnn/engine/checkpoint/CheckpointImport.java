package org.dsrcnn.engine.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.io.ModelFiles;

/**
 * Turns an official Sparse R-CNN checkpoint (PeizeSun/SparseR-CNN, detectron2 layout) into a model
 * directory of this engine: reads it ({@link CheckpointReader}), infers the architecture from the
 * shapes ({@link ArchitectureInference}), maps every tensor onto a parameter ({@link
 * Detectron2Names}) and saves the model with the official test-time settings and the 80 COCO class
 * names (other class counts get {@code class_0..}).
 *
 * <p>Nothing is skipped silently: a checkpoint key that maps to no parameter, a parameter the
 * checkpoint lacks and a shape that differs all fail the import, named in one line. The only keys
 * left out on purpose are {@link #TRAINING_ONLY}, and the result lists them.
 */
public final class CheckpointImport {

    /** Checkpoint keys that only the training loss uses: not part of the detector. */
    static final Set<String> TRAINING_ONLY = Set.of("criterion.empty_weight");

    /** What an import did. */
    public record Result(Path modelDir, DsrcnnConfig config, String format, List<String> ignoredKeys,
            String description) {}

    private CheckpointImport() {}

    /**
     * Imports a checkpoint into {@code modelDir} (replaced atomically if it exists).
     *
     * @param heads attention heads (not visible in the weights; the official models use 8)
     * @throws IllegalArgumentException one line naming the file and the first problems (unreadable
     *     file, unexpected / missing keys, shape mismatches)
     */
    public static Result importCheckpoint(Path checkpoint, Path modelDir, int heads) throws IOException {
        return importRead(CheckpointReader.read(checkpoint), checkpoint, modelDir, heads);
    }

    /** {@link #importCheckpoint} of a checkpoint already read (tests alter its tensors first). */
    static Result importRead(CheckpointReader.Checkpoint ckpt, Path checkpoint, Path modelDir, int heads)
            throws IOException {
        if (heads <= 0) {
            throw new IllegalArgumentException("--heads must be positive, got " + heads);
        }
        Map<String, CheckpointTensor> tensors = new LinkedHashMap<>(ckpt.tensors());
        List<String> ignored = new ArrayList<>();
        for (String key : TRAINING_ONLY) {
            if (tensors.remove(key) != null) {
                ignored.add(key);
            }
        }
        String stem = checkpoint.getFileName().toString().replaceFirst("\\.(pth|pkl|pt)$", "");
        DsrcnnConfig config;
        try {
            List<String> foreign = foreignKeys(tensors);
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException(summarise(foreign.stream().map(k -> "unexpected key " + k).toList()));
            }
            config = ArchitectureInference.infer(tensors, heads, "sparse-rcnn-" + stem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
        SparseRcnn model = new SparseRcnn(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            try (NDManager staging = manager.newSubManager()) {
                Map<String, NDArray> values = mapValues(model, tensors, staging, checkpoint);
                model.setParameterValues(values, manager);
            }
            Map<String, Object> provenance = provenance(checkpoint, ckpt, config, ignored);
            List<String> names = config.head().numClasses() == CocoClasses.NAMES.size() ? CocoClasses.NAMES
                    : numberedClasses(config.head().numClasses());
            ModelFiles.save(model, names, provenance, modelDir);
        }
        return new Result(modelDir, config, ckpt.format(), List.copyOf(ignored), ArchitectureInference.describe(config));
    }

    /**
     * Imports a checkpoint once into {@code cacheRoot/<name>-<sha256 prefix>/} and returns that model
     * directory; later calls with the same file contents return the cached directory at once (the
     * contents are hashed, so a replaced file is imported anew). What the app calls to open a .pth.
     *
     * @throws IllegalArgumentException (one line) when the checkpoint cannot be imported
     */
    public static Path importCached(Path checkpoint, Path cacheRoot) throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException("no such checkpoint file: " + checkpoint);
        }
        String stem = checkpoint.getFileName().toString().replaceFirst("\\.(pth|pkl|pt)$", "")
                .replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = cacheRoot.resolve(stem + "-" + sha256(checkpoint).substring(0, 16));
        if (Files.isRegularFile(dir.resolve(ModelFiles.MODEL_JSON))) {
            return dir;
        }
        importCheckpoint(checkpoint, dir, ArchitectureInference.OFFICIAL_HEADS);
        return dir;
    }

    /** Keys outside every family the official detector has (backbone, FPN, proposals, head stages). */
    private static final Pattern OFFICIAL_FAMILIES = Pattern.compile(
            "backbone\\.bottom_up\\.(stem|res[2-5])\\..+|backbone\\.fpn_(lateral|output)[2-5]\\.(weight|bias)"
                    + "|init_proposal_(boxes|features)\\.weight|head\\.head_series\\.\\d+\\..+");

    private static List<String> foreignKeys(Map<String, CheckpointTensor> tensors) {
        return tensors.keySet().stream().filter(k -> !OFFICIAL_FAMILIES.matcher(k).matches()).toList();
    }

    private static Map<String, NDArray> mapValues(SparseRcnn model, Map<String, CheckpointTensor> tensors,
            NDManager manager, Path checkpoint) {
        List<String> problems = new ArrayList<>();
        Map<String, NDArray> values = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            String key = Detectron2Names.of(e.getKey());
            CheckpointTensor t = tensors.get(key);
            Shape want = e.getValue().getShape();
            if (t == null) {
                problems.add("missing key " + key + " " + CheckpointTensor.shapeText(want.getShape()));
                continue;
            }
            used.add(key);
            if (!Arrays.equals(t.shape(), want.getShape())) {
                problems.add("key " + key + " has shape " + t.shapeText() + ", expected " + CheckpointTensor.shapeText(want.getShape()));
                continue;
            }
            values.put(e.getKey(), manager.create(t.values(), want));
        }
        for (String key : tensors.keySet()) {
            if (!used.contains(key)) {
                problems.add(0, "unexpected key " + key);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " does not fit "
                    + ArchitectureInference.describe(model.config()) + ": " + summarise(problems));
        }
        return values;
    }

    private static String summarise(List<String> problems) {
        int shown = Math.min(problems.size(), 8);
        String text = String.join("; ", problems.subList(0, shown));
        return problems.size() > shown ? text + "; and " + (problems.size() - shown) + " more" : text;
    }

    private static Map<String, Object> provenance(Path checkpoint, CheckpointReader.Checkpoint ckpt,
            DsrcnnConfig config, List<String> ignored) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("weights", "imported from an official-layout Sparse R-CNN checkpoint (PeizeSun/SparseR-CNN, detectron2)");
        p.put("checkpoint", checkpoint.toAbsolutePath().normalize().toString());
        p.put("checkpointSha256", sha256(checkpoint));
        p.put("checkpointBytes", Files.size(checkpoint));
        p.put("checkpointFormat", ckpt.format());
        p.put("architecture", ArchitectureInference.describe(config));
        p.put("ignoredKeys", ignored);
        p.put("otherEntries", ckpt.otherEntries());
        p.put("testSettings", "short side 800, long side <= 1333, RGB mean [123.675,116.28,103.53] std "
                + "[58.395,57.12,57.375], pad to 32, frozen BN, top-" + config.proposals().count()
                + " (proposal, class) pairs, no NMS");
        p.put("importedAt", Instant.now().toString());
        return p;
    }

    private static List<String> numberedClasses(int k) {
        List<String> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add("class_" + i);
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
