package org.dsrcnn.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dsrcnn info} and {@code dsrcnn bench} end to end (bench on a tiny config, one run). */
class InfoAndBenchCommandTest {

    @TempDir Path dir;

    private static String[] run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cli = Dsrcnn.commandLine();
            cli.setErr(new PrintWriter(err, true));
            code = cli.execute(args);
        } finally {
            System.setOut(old);
        }
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString()};
    }

    @Test
    void infoListsEveryPartAndEndsWithTheTrainableCount() {
        String[] r = run("info", "--config", "paper");
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        assertEquals("parameters: " + new SparseRcnn(Presets.load("paper")).countParameters(""),
                lines.get(lines.size() - 1));
        for (String part : List.of("backbone", "fpn", "proposals", "stage1", "stage6")) {
            assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith(part + " ")), part);
        }
        assertTrue(r[1].contains("ResNet-50"));
        assertTrue(r[1].contains("DPG"));
    }

    @Test
    void infoRejectsAnUnknownConfigInOneLine() {
        String[] r = run("info", "--config", "no-such-preset");
        assertNotEquals("0", r[0]);
        assertEquals(1, r[2].lines().count(), r[2]);
        assertTrue(r[2].startsWith("info: unknown config"), r[2]);
    }

    @Test
    void benchPrintsMediansForEveryPartAndTheTrainingStep() throws IOException {
        Path cfg = dir.resolve("tiny.json");
        Presets.write(TinyModels.tiny(), cfg);
        String[] r = run("bench", "--config", cfg.toString(), "--size", "64", "--runs", "1", "--warmup", "0",
                "--train-batch", "2");
        assertEquals("0", r[0], r[2]);
        for (String label : List.of("backbone+FPN", "proposals (DPG)", "stage1", "stage2", "total", "forward",
                "backward", "update (AdamW)", "step total", "NOT the set criterion")) {
            assertTrue(r[1].contains(label), label + " missing in\n" + r[1]);
        }
    }
}
