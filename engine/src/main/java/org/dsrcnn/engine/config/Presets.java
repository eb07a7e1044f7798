package org.dsrcnn.engine.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes {@link DsrcnnConfig}s. A preset is addressed by name ({@code paper},
 * {@code paper-baseline}, {@code small}: the files of {@code assets/configs/}, packaged into the
 * engine jar) or by the path of a JSON file.
 */
public final class Presets {

    /** The preset names shipped in {@code assets/configs/}. */
    public static final List<String> NAMES = List.of("paper", "paper-baseline", "small");

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private Presets() {}

    /**
     * Loads a preset by name, or a config file by path.
     *
     * @throws IllegalArgumentException with a one-line reason when the name is unknown or the file
     *     is not a valid config
     */
    public static DsrcnnConfig load(String nameOrPath) {
        if (NAMES.contains(nameOrPath)) {
            String resource = "presets/" + nameOrPath + ".json";
            try (InputStream in = Presets.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("preset resource missing from the jar: " + resource);
                }
                return parse(MAPPER.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read preset " + nameOrPath, e);
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(
                    "unknown config '" + nameOrPath + "': not a preset " + NAMES + " and not a file");
        }
        return read(path);
    }

    /** Reads a config JSON file. */
    public static DsrcnnConfig read(Path path) {
        try {
            return parse(MAPPER.readTree(path.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid config " + path + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Writes a config as indented JSON. */
    public static void write(DsrcnnConfig config, Path path) throws IOException {
        MAPPER.writeValue(path.toFile(), config);
    }

    /**
     * Keys added after configs were first written, with the value an older file meant; a file that
     * lacks one of them gets it here, so every saved model keeps loading and computing what it did.
     */
    private static final String[][] LEGACY_DEFAULTS = {{"proposals", "weightInput", "raw"}};

    private static DsrcnnConfig parse(JsonNode root) throws IOException {
        if (root instanceof ObjectNode object) {
            for (String[] legacy : LEGACY_DEFAULTS) {
                if (object.get(legacy[0]) instanceof ObjectNode section && !section.has(legacy[1])) {
                    section.put(legacy[1], legacy[2]);
                }
            }
        }
        DsrcnnConfig config = MAPPER.treeToValue(root, DsrcnnConfig.class);
        ConfigValidation.validate(config);
        return config;
    }

    /** The config as a JSON string. */
    public static String toJson(DsrcnnConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a config from a JSON string. */
    public static DsrcnnConfig fromJson(String json) {
        try {
            return parse(MAPPER.readTree(json));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid config: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Returns a copy with one value replaced, addressed by a dotted path such as
     * {@code "solver.maxIters"} or {@code "proposals.dynamic"}; the value is parsed as JSON when it
     * can be (numbers, booleans, lists), else taken as a string.
     */
    public static DsrcnnConfig with(DsrcnnConfig config, String dottedPath, String value) {
        ObjectNode root = MAPPER.valueToTree(config);
        String[] parts = dottedPath.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("no config section '" + parts[i] + "' in " + dottedPath);
            }
        }
        String leaf = parts[parts.length - 1];
        if (!node.has(leaf)) {
            throw new IllegalArgumentException("no config key " + dottedPath);
        }
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(value);
        } catch (IOException e) {
            parsed = MAPPER.getNodeFactory().textNode(value);
        }
        if (node.get(leaf).isTextual() && !parsed.isTextual()) {
            parsed = MAPPER.getNodeFactory().textNode(value);
        }
        ((ObjectNode) node).set(leaf, parsed);
        DsrcnnConfig changed;
        try {
            changed = MAPPER.treeToValue(root, DsrcnnConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "bad value for " + dottedPath + ": " + firstLine(e.getMessage()), e);
        }
        ConfigValidation.validate(changed);
        return changed;
    }

    /** The value at a dotted path as compact JSON text, e.g. {@code valueOf(c, "solver.steps")} = {@code [4500,5500]}. */
    public static String valueOf(DsrcnnConfig config, String dottedPath) {
        JsonNode node = MAPPER.valueToTree(config);
        for (String part : dottedPath.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null) {
            throw new IllegalArgumentException("no config key " + dottedPath);
        }
        return node.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
