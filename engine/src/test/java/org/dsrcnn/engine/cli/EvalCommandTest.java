package org.dsrcnn.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cli = Dsrcnn.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path reference(String name) throws Exception {
        return Path.of(EvalCommandTest.class.getResource("/org/dsrcnn/engine/eval/pycocotools/" + name).toURI());
    }

    /** The pycocotools reference case: stdout is pycocotools' own summary, the JSON its stats. */
    @Test
    void printsPycocotoolsSummaryAndWritesJson() throws Exception {
        Path json = dir.resolve("m.json");
        Run r = run("eval", "--gt", reference("gt.json").toString(), "--dt", reference("dt.json").toString(),
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode expected = new ObjectMapper().readTree(reference("expected.json").toFile());
        List<String> lines = new ArrayList<>();
        expected.get("summary").forEach(n -> lines.add(n.asText()));
        assertEquals(lines, r.out().lines().toList());
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertEquals(CocoMetrics.NAMES, iterate(written.fieldNames()));
        for (int i = 0; i < 12; i++) {
            assertEquals(expected.get("stats").get(i).asDouble(), written.get(CocoMetrics.NAMES.get(i)).asDouble(), 1e-12);
        }
    }

    @Test
    void perClassTableFollowsTheSummary() throws Exception {
        Run r = run("eval", "--gt", reference("gt.json").toString(), "--dt", reference("dt.json").toString(), "--per-class");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(12 + 1 + 1 + 5, lines.size());
        assertTrue(lines.get(18).startsWith("never") && lines.get(18).contains("-1.000"), lines.get(18));
    }

    @Test
    void badInputEndsInOneLine() throws Exception {
        Path gt = reference("gt.json");
        Path broken = Files.writeString(dir.resolve("dt.json"), "[{\"image_id\": 1,");
        Run r = run("eval", "--gt", gt.toString(), "--dt", broken.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("eval: " + broken + ": broken JSON at line 1"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        Path badRecord = Files.writeString(dir.resolve("dt2.json"), "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1,2,3], \"score\": 0.5}]");
        Run r2 = run("eval", "--gt", gt.toString(), "--dt", badRecord.toString());
        assertEquals("eval: " + badRecord + ": detection #0: 'bbox' must be [x, y, w, h], not [1,2,3]", r2.err().strip());

        Run r3 = run("eval", "--gt", gt.toString());
        assertEquals("eval: give --gt GT.json --dt DT.json, or --model M --data DIR", r3.err().strip());
        assertEquals(1, r3.code());

        Run r4 = run("eval", "--gt", dir.resolve("missing.json").toString(), "--dt", badRecord.toString());
        assertEquals("eval: " + dir.resolve("missing.json") + ": no such file", r4.err().strip());

        Path unknownImage = Files.writeString(dir.resolve("dt3.json"),
                "[{\"image_id\": 123456789, \"category_id\": 1, \"bbox\": [1,2,3,4], \"score\": 0.5}]");
        Run r5 = run("eval", "--gt", gt.toString(), "--dt", unknownImage.toString());
        assertEquals("eval: detection #0: image_id 123456789 is not in the ground truth gt.json", r5.err().strip());
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
