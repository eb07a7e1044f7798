package org.dsrcnn.engine.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code metrics.jsonl} incrementally (tail -f style): each {@link #poll()} returns the
 * complete new lines since the last call. A line without its newline yet is left for the next poll;
 * a line that is not valid JSON (torn by a killed writer) is skipped and counted.
 */
public final class MetricsReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;
    private long offset;
    private int skipped;

    public MetricsReader(Path file) {
        this.file = file;
    }

    /** Every complete record in the file, from the start. */
    public static List<JsonNode> readAll(Path file) throws IOException {
        return new MetricsReader(file).poll();
    }

    /** The records completed since the last call (empty when the file does not exist yet). */
    public List<JsonNode> poll() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length < offset) {
                offset = 0; // the file was replaced: start over
            }
            if (length == offset) {
                return records;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            raf.seek(offset);
            raf.readFully(bytes);
            int lineStart = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8).trim();
                    if (!line.isEmpty()) {
                        try {
                            JsonNode node = MAPPER.readTree(line);
                            if (node != null && node.isObject()) {
                                records.add(node);
                            } else {
                                skipped++;
                            }
                        } catch (JsonProcessingException e) {
                            skipped++;
                        }
                    }
                    lineStart = i + 1;
                }
            }
            offset += lineStart;
        }
        return records;
    }

    /** Lines skipped because they were not valid JSON objects. */
    public int skipped() {
        return skipped;
    }
}
