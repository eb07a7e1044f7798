package org.dsrcnn.engine.model.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.model.SparseRcnn;

/**
 * A model directory:
 *
 * <pre>
 *   model.json     {"format": "dsrcnn-model", "formatVersion": 1, "config": {...},
 *                   "classNames": [...], "provenance": {...}, "weights": "weights.dsrt",
 *                   "trainableParameters": N}
 *   weights.dsrt   every parameter (frozen statistics included) by its dotted name ({@link NamedTensors})
 * </pre>
 *
 * Saving writes a sibling temporary directory and renames it into place (replacing an older model of
 * the same name only after the new one is complete). Loading rebuilds the network from the stored
 * config and checks every parameter's name and shape.
 */
public final class ModelFiles {

    public static final String FORMAT = "dsrcnn-model";
    public static final int FORMAT_VERSION = 1;
    public static final String MODEL_JSON = "model.json";
    public static final String WEIGHTS = "weights.dsrt";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {}

    /**
     * Saves an initialised model.
     *
     * @param classNames one name per class ({@code head.numClasses} of them)
     * @param provenance JSON-serialisable facts (data set, iterations, AP, ...)
     */
    public static void save(SparseRcnn model, List<String> classNames, Map<String, Object> provenance, Path dir)
            throws IOException {
        save(model, classNames, provenance, dir, false);
    }

    /**
     * Saves an initialised model, optionally with float16 weights (half the size: what the shipped
     * model uses to stay small; values are rounded to 11 significant bits and read back as float32).
     */
    public static void save(SparseRcnn model, List<String> classNames, Map<String, Object> provenance, Path dir,
            boolean halfPrecision) throws IOException {
        save(model, model.config(), classNames, provenance, dir, halfPrecision);
    }

    /**
     * Saves an initialised model under a config that may differ from the model's own in everything
     * but the architecture (backbone, proposals, head): what {@code dsrcnn export --set} uses to ship a
     * model with other test-time settings (input size, NMS) than it was trained with.
     *
     * @throws IllegalArgumentException if {@code cfg} describes another architecture
     */
    public static void save(SparseRcnn model, DsrcnnConfig cfg, List<String> classNames,
            Map<String, Object> provenance, Path dir, boolean halfPrecision) throws IOException {
        DsrcnnConfig own = model.config();
        if (!cfg.backbone().equals(own.backbone()) || !cfg.proposals().equals(own.proposals())
                || !cfg.head().equals(own.head())) {
            throw new IllegalArgumentException("cannot save a model under a config of another architecture");
        }
        if (classNames.size() != cfg.head().numClasses()) {
            throw new IllegalArgumentException(
                    classNames.size() + " class names for a model with " + cfg.head().numClasses() + " classes");
        }
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("format", FORMAT);
            root.put("formatVersion", FORMAT_VERSION);
            root.set("config", MAPPER.readTree(Presets.toJson(cfg)));
            root.set("classNames", MAPPER.valueToTree(classNames));
            root.set("provenance", MAPPER.valueToTree(provenance == null ? Map.of() : provenance));
            root.put("weights", WEIGHTS);
            root.put("trainableParameters", model.countParameters(""));
            root.put("weightsDtype", halfPrecision ? "float16" : "float32");
            MAPPER.writeValue(tmp.resolve(MODEL_JSON).toFile(), root);
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                if (!e.getValue().isInitialized()) {
                    throw new IllegalStateException("cannot save: parameter " + e.getKey() + " is not initialised");
                }
                NDArray a = e.getValue().getArray();
                arrays.put(e.getKey(), halfPrecision ? a.toType(DataType.FLOAT16, true) : a);
            }
            NamedTensors.write(arrays, tmp.resolve(WEIGHTS));
            if (halfPrecision) {
                arrays.values().forEach(NDArray::close);
            }
            replaceDirectory(tmp, target);
        } finally {
            deleteRecursively(tmp);
        }
    }

    /**
     * Loads a model directory onto {@code manager}.
     *
     * @throws IllegalArgumentException with a one-line reason when the directory is not a model, its
     *     format is unknown, its config is invalid or its weights do not fit the config
     */
    public static LoadedModel load(Path dir, NDManager manager) {
        JsonNode root = readModelJson(dir);
        DsrcnnConfig cfg;
        try {
            cfg = Presets.fromJson(root.get("config").toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model " + dir + ": " + e.getMessage(), e);
        }
        List<String> classNames = MAPPER.convertValue(root.get("classNames"), new TypeReference<List<String>>() {});
        Map<String, Object> provenance =
                root.hasNonNull("provenance")
                        ? MAPPER.convertValue(root.get("provenance"), new TypeReference<Map<String, Object>>() {})
                        : Map.of();
        if (classNames.size() != cfg.head().numClasses()) {
            throw new IllegalArgumentException(
                    "model " + dir + ": " + classNames.size() + " class names but the config has "
                            + cfg.head().numClasses() + " classes");
        }
        SparseRcnn model = new SparseRcnn(cfg);
        loadWeightsInto(model, dir, manager);
        return new LoadedModel(model, List.copyOf(classNames), provenance);
    }

    /** Reads and checks a directory's {@code model.json}. */
    public static JsonNode readModelJson(Path dir) {
        Path json = dir.resolve(MODEL_JSON);
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException("not a model directory (no " + MODEL_JSON + "): " + dir);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + json + ": "
                    + org.dsrcnn.engine.errors.JsonErrors.describe(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable " + json + ": " + firstLine(e.getMessage()), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(json + " is not a " + FORMAT + " file");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    json + " has format version " + version + ", this program reads " + FORMAT_VERSION);
        }
        if (!root.hasNonNull("config") || !root.path("classNames").isArray()) {
            throw new IllegalArgumentException(json + " lacks config or classNames");
        }
        return root;
    }

    /**
     * Loads the weights of a model directory (or a {@code .dsrt} file) into a model built from a
     * compatible config, e.g. to initialise training from a saved model.
     *
     * @throws IllegalArgumentException naming the first parameter that is missing, unexpected or of
     *     another shape (with both shapes)
     */
    public static void loadWeightsInto(SparseRcnn model, Path dirOrFile, NDManager manager) {
        loadWeightsInto(model, dirOrFile, manager, List.of());
    }

    /**
     * As {@link #loadWeightsInto(SparseRcnn, Path, NDManager)}, except that the parameters whose
     * names start with one of {@code keepFresh} keep the model's current (initial) values.
     *
     * @throws IllegalArgumentException also when a prefix names no parameter of the model
     */
    public static void loadWeightsInto(SparseRcnn model, Path dirOrFile, NDManager manager, List<String> keepFresh) {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(WEIGHTS) : dirOrFile;
        try (NDManager staging = manager.newSubManager()) {
            Map<String, NDArray> values = NamedTensors.read(file, staging);
            values.replaceAll((name, a) -> a.getDataType() == DataType.FLOAT16 ? a.toType(DataType.FLOAT32, true) : a);
            for (String prefix : keepFresh) {
                boolean matched = false;
                for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                    if (e.getKey().equals(prefix) || e.getKey().startsWith(prefix + ".")) {
                        NDArray current = e.getValue().getArray().duplicate();
                        current.attach(staging);
                        values.put(e.getKey(), current);
                        matched = true;
                    }
                }
                if (!matched) {
                    throw new IllegalArgumentException("--reinit " + prefix + ": no parameter of the model is named "
                            + prefix + " or starts with " + prefix + ".");
                }
            }
            model.setParameterValues(values, manager);
        }
    }

    private static void replaceDirectory(Path fresh, Path target) throws IOException {
        if (!Files.exists(target)) {
            moveAtomically(fresh, target);
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("cannot save model: " + target + " exists and is not a directory");
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        moveAtomically(target, old);
        try {
            moveAtomically(fresh, target);
        } catch (IOException e) {
            moveAtomically(old, target); // put the previous model back
            throw e;
        }
        deleteRecursively(old);
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteRecursively(Path p) {
        try {
            AtomicFiles.deleteTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
