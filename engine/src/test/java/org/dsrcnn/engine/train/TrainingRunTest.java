package org.dsrcnn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.dsrcnn.engine.cli.Dsrcnn;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real (tiny) training run on generated shapes: killed with SIGKILL mid-way in a child JVM, then
 * resumed, it must end where an uninterrupted run ends, iteration by iteration.
 */
class TrainingRunTest {

    /** A tiny model (64 px, 10 proposals, 2 stages) so the test takes seconds. */
    private static final List<String> TINY = List.of(
            "input.trainShortSides=[64]", "input.trainMaxSize=64", "input.testShortSide=64", "input.testMaxSize=64",
            "proposals.count=10", "head.stages=2", "solver.batchSize=2", "solver.maxIters=10",
            "solver.warmupIters=2", "solver.checkpointPeriod=3", "solver.evalPeriod=10", "solver.lr=0.0005");

    @TempDir static Path shared;
    static Path data;

    @BeforeAll
    static void generateData() {
        data = shared.resolve("shapes");
        int code = Dsrcnn.commandLine().execute("gen-shapes", "--out", data.toString(), "--train", "8", "--val", "4",
                "--seed", "3", "--size", "64", "--quiet");
        assertEquals(0, code);
    }

    private static DsrcnnConfig tinyConfig() {
        DsrcnnConfig c = Presets.load("small");
        for (String o : TINY) {
            int eq = o.indexOf('=');
            c = Presets.with(c, o.substring(0, eq), o.substring(eq + 1));
        }
        return c;
    }

    /** The last "train" record of every iteration: iteration -> total loss. */
    private static Map<Integer, Double> totals(Path run) throws Exception {
        Map<Integer, Double> out = new TreeMap<>();
        for (JsonNode r : MetricsReader.readAll(run.resolve("metrics.jsonl"))) {
            if ("train".equals(r.get("type").asText())) {
                out.put(r.get("iter").asInt(), r.get("total").asDouble());
            }
        }
        return out;
    }

    @Test
    void killedRunResumesToTheSameResult(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        Path finalModel = new TrainingRun(new TrainingRun.Options(tinyConfig(), data, straight, false, 0))
                .onMessage(m -> {}).run().model();
        assertTrue(Files.isRegularFile(finalModel.resolve("model.json")));
        Map<Integer, Double> expected = totals(straight);
        assertEquals(10, expected.size());
        boolean evaluated = MetricsReader.readAll(straight.resolve("metrics.jsonl")).stream()
                .anyMatch(r -> "eval".equals(r.get("type").asText()) && r.has("AP"));
        assertTrue(evaluated, "an eval record with the COCO numbers is logged");

        // the same run in a child JVM, killed (SIGKILL) as soon as its first checkpoint is complete
        Path killed = dir.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                Dsrcnn.class.getName(), "train", "--config", "small", "--data", data.toString(),
                "--out", killed.toString(), "--no-progress"));
        for (String o : TINY) {
            cmd.add("--set");
            cmd.add(o);
        }
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path pointer = killed.resolve("last_checkpoint");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!Files.exists(pointer) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        child.destroyForcibly().waitFor();
        assertTrue(Files.exists(pointer), "the child wrote a checkpoint: " + Files.readString(dir.resolve("child.log")));
        assertFalse(Files.exists(killed.resolve("model").resolve("model.json")), "killed before the end");

        // starting again without --resume refuses to overwrite; with it, continues
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingRun(new TrainingRun.Options(tinyConfig(), data, killed, false, 0)).run());
        new TrainingRun(new TrainingRun.Options(tinyConfig(), data, killed, true, 0)).onMessage(m -> {}).run();
        Map<Integer, Double> resumed = totals(killed);
        assertEquals(expected.keySet(), resumed.keySet());
        for (int i : expected.keySet()) {
            assertEquals(expected.get(i), resumed.get(i), 1e-3 * Math.abs(expected.get(i)),
                    "iteration " + i + " after resume");
        }
        assertTrue(Files.isRegularFile(killed.resolve("model").resolve("model.json")));
    }

    /** A run started from another model's weights says so in its final model, also after a resume. */
    @Test
    void aResumedSittingKeepsWhereTheRunStartedFrom(@TempDir Path dir) throws Exception {
        Path base = new TrainingRun(new TrainingRun.Options(Presets.with(tinyConfig(), "solver.maxIters", "2"), data,
                dir.resolve("base"), false, 0)).onMessage(m -> {}).run().model();
        Path run = dir.resolve("fine-tune");
        new TrainingRun(new TrainingRun.Options(Presets.with(tinyConfig(), "solver.maxIters", "2"), data, run, false, 0,
                base, List.of("proposals.weight_net"), 0.1, Map.of(), false)).onMessage(m -> {}).run();
        Path finalModel = new TrainingRun(new TrainingRun.Options(null, null, run, true, null, null, List.of(), null,
                Map.of("solver.maxIters", "4"), false)).onMessage(m -> {}).run().model();
        JsonNode p = org.dsrcnn.engine.model.io.ModelFiles.readModelJson(finalModel).get("provenance");
        assertEquals(4, p.get("iterations").asInt());
        assertEquals(base.toAbsolutePath().normalize().toString(), p.get("initialised_from").asText());
        assertEquals("proposals.weight_net", p.get("reinitialised").get(0).asText());
        assertEquals(0.1, p.get("experts_respread_jitter").asDouble());
    }
}
