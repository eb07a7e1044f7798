package org.dsrcnn.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Appends one JSON object per line to {@code RUN/metrics.jsonl} (detectron2's JSONWriter pattern),
 * flushed after every record so a watcher sees it at once. A process killed mid-write leaves at
 * most a torn last line, which {@link MetricsReader} skips.
 */
public final class MetricsLog implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final BufferedWriter out;

    /** Opens {@code file} for appending, creating it if needed. */
    public MetricsLog(Path file) throws IOException {
        boolean tornTail = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (tornTail) {
            out.newLine(); // a torn line from a killed run stays on its own line, and is skipped
        }
    }

    /** Writes one record (keys in insertion order) and flushes. */
    public synchronized void write(Map<String, ?> record) throws IOException {
        out.write(MAPPER.writeValueAsString(record));
        out.newLine();
        out.flush();
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var ch = Files.newByteChannel(file)) {
            ch.position(ch.size() - 1);
            var buf = java.nio.ByteBuffer.allocate(1);
            ch.read(buf);
            return buf.get(0) == '\n';
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
