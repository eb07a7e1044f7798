package org.dsrcnn.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Recently opened folders, files, datasets and models, newest first, kept in
 * {@code <dir>/recent.json} (the app uses {@code ~/.dsrcnn/}). A missing or unreadable file
 * means "no recent items", never an error: it is a convenience.
 */
public final class RecentItems {

    /** What was opened. */
    public enum Kind { FOLDER, FILE, DATASET, MODEL }

    /** One remembered item. */
    public record Item(Kind kind, Path path) {}

    /** Items kept. */
    public static final int MAX = 12;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final List<Item> items = new ArrayList<>();

    /** Reads {@code dir/recent.json} if it exists. */
    public RecentItems(Path dir) {
        this.file = dir.resolve("recent.json");
        try {
            if (Files.isRegularFile(file)) {
                for (JsonNode n : MAPPER.readTree(file.toFile())) {
                    items.add(new Item(Kind.valueOf(n.path("kind").asText()), Path.of(n.path("path").asText())));
                }
            }
        } catch (IOException | RuntimeException e) {
            items.clear();
        }
    }

    /** The items, newest first. */
    public List<Item> items() {
        return List.copyOf(items);
    }

    /** The newest item of a kind, or null. */
    public Item latest(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).findFirst().orElse(null);
    }

    /** Moves (or adds) an item to the front and saves. Saving failures are ignored. */
    public void add(Kind kind, Path path) {
        Item item = new Item(kind, path.toAbsolutePath().normalize());
        items.remove(item);
        items.add(0, item);
        while (items.size() > MAX) {
            items.remove(items.size() - 1);
        }
        save();
    }

    private void save() {
        ArrayNode array = MAPPER.createArrayNode();
        for (Item i : items) {
            array.addObject().put("kind", i.kind().name()).put("path", i.path().toString());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("recent.json.tmp");
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), array);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // recent items are a convenience; a read-only home must not break the app
        }
    }
}
