package org.dsrcnn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @Test
    void readerSeesCompleteLinesAndSkipsATornOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.jsonl");
        MetricsReader tail = new MetricsReader(f);
        assertEquals(0, tail.poll().size());
        try (MetricsLog log = new MetricsLog(f)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("iter", 1);
            r.put("s1.cls", 0.5);
            log.write(r);
        }
        List<JsonNode> first = tail.poll();
        assertEquals(1, first.size());
        assertEquals(0.5, first.get(0).get("s1.cls").asDouble());

        // a killed writer leaves half a line; a resumed run appends after it
        Files.writeString(f, "{\"iter\": 2, \"s1.c", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(0, tail.poll().size(), "an unfinished line is not read yet");
        try (MetricsLog log = new MetricsLog(f)) {
            log.write(Map.of("iter", 3));
        }
        List<JsonNode> next = tail.poll();
        assertEquals(1, next.size());
        assertEquals(3, next.get(0).get("iter").asInt());
        assertEquals(1, tail.skipped());
        assertEquals(2, MetricsReader.readAll(f).size());
    }
}
