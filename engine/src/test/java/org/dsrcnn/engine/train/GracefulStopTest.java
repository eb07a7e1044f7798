package org.dsrcnn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a real (tiny) training run: by {@code RUN/STOP} in this JVM and by SIGTERM to a child
 * {@code java} process. Both must end with exit code 0, {@code status.json} "stopped", a checkpoint
 * at the stop iteration, and resume to the end with every iteration logged exactly once.
 */
class GracefulStopTest {

    @TempDir static Path shared;
    static Path data;

    @BeforeAll
    static void generateData() {
        data = TinyRuns.shapes(shared.resolve("shapes"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a stop that is never obeyed fails here instead of hanging
    void stopFileStopsTheRunAndResumeFinishesIt(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        CompletableFuture<TinyRuns.Outcome> training = CompletableFuture.supplyAsync(
                () -> TinyRuns.cli(TinyRuns.trainArgs(data, run, "--iters", "16")));
        boolean sawRunning = false;
        while (!training.isDone()) {
            RunStatus s = RunStatus.read(run).orElse(null);
            if (s != null && RunStatus.RUNNING.equals(s.state())) {
                sawRunning = true;
                assertEquals(ProcessHandle.current().pid(), s.pid());
                assertTrue(s.processAlive());
                if (s.iter() >= 3) {
                    Files.writeString(run.resolve("STOP"), "");
                    break;
                }
            }
            Thread.sleep(5);
        }
        TinyRuns.Outcome stopped = training.get(4, TimeUnit.MINUTES);
        assertEquals(0, stopped.code(), stopped.err());
        assertTrue(sawRunning, "status.json said running while the run trained");
        RunStatus status = RunStatus.read(run).orElseThrow();
        assertEquals(RunStatus.STOPPED, status.state());
        long at = status.iter();
        assertTrue(at >= 3 && at < 16, "stopped at " + at);
        assertTrue(status.message().contains("STOP"), status.message());
        assertEquals(Checkpoints.name(at), status.checkpoint());
        assertTrue(Files.isRegularFile(run.resolve("checkpoints").resolve(Checkpoints.name(at)).resolve("state.json")),
                "a checkpoint at the stop iteration, even off the checkpoint period");
        assertFalse(Files.exists(run.resolve("STOP")), "STOP is consumed");
        assertFalse(Files.exists(run.resolve("model")), "a stopped run has no final model");
        assertEquals(TinyRuns.oneTo((int) at), TinyRuns.trainIterations(run));

        // --out and --resume are all it takes to continue: config and data come from the run
        TinyRuns.Outcome resumed = TinyRuns.cli(List.of("train", "--out", run.toString(), "--resume", "--no-progress"));
        assertEquals(0, resumed.code(), resumed.err());
        RunStatus end = RunStatus.read(run).orElseThrow();
        assertEquals(RunStatus.FINISHED, end.state());
        assertEquals(16, end.iter());
        assertEquals(16, end.maxIters());
        assertEquals(TinyRuns.oneTo(16), TinyRuns.trainIterations(run), "iterations continuous across the stop");
        assertTrue(Files.isRegularFile(run.resolve("model").resolve("model.json")));
        for (JsonNode r : MetricsReader.readAll(run.resolve("metrics.jsonl"))) {
            if ("train".equals(r.get("type").asText())) {
                assertTrue(r.get("eta_s").asDouble() >= 0, r.toString());
                assertTrue(r.has("positives") && r.has("k_star") && r.has("dpg_entropy"), r.toString());
            }
        }
        assertEquals(0.0, MetricsReader.readAll(run.resolve("metrics.jsonl")).stream()
                .filter(r -> r.get("iter").asInt() == 16 && "train".equals(r.get("type").asText()))
                .findFirst().orElseThrow().get("eta_s").asDouble(), 1e-9, "nothing left at the last iteration");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigtermStopsAChildTrainerWhichThenResumes(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Path log = dir.resolve("child.log");
        Process child = TinyRuns.child(log, List.of(), TinyRuns.trainArgs(data, run, "--iters", "16")).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            RunStatus s = null;
            while (child.isAlive() && System.nanoTime() < deadline) {
                s = RunStatus.read(run).orElse(null);
                if (s != null && s.iter() >= 2) {
                    break;
                }
                Thread.sleep(5);
            }
            assertNotNull(s, Files.readString(log));
            assertEquals(child.pid(), s.pid());
            assertEquals(RunStatus.RUNNING, s.state(), Files.readString(log));
            // a second trainer on the same directory, in another process, is locked out
            TinyRuns.Outcome second = TinyRuns.cli(List.of("train", "--out", run.toString(), "--resume", "--no-progress"));
            assertEquals(1, second.code());
            assertTrue(second.err().startsWith("train: run directory " + run + " is in use by another trainer (pid "
                    + child.pid() + ")"), second.err());
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the child stopped after SIGTERM");
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), output);
        RunStatus status = RunStatus.read(run).orElseThrow();
        assertEquals(RunStatus.STOPPED, status.state(), output);
        assertTrue(status.message().contains("termination signal"), status.message());
        long at = status.iter();
        assertTrue(at >= 2 && at < 16, "stopped at " + at);
        assertTrue(Files.isRegularFile(run.resolve("checkpoints").resolve(Checkpoints.name(at)).resolve("state.json")));
        assertEquals(TinyRuns.oneTo((int) at), TinyRuns.trainIterations(run));
        assertFalse(output.contains("\tat "), "no stack trace: " + output);

        TinyRuns.Outcome resumed = TinyRuns.cli(List.of("train", "--out", run.toString(), "--resume", "--no-progress"));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(RunStatus.FINISHED, RunStatus.read(run).orElseThrow().state());
        assertEquals(TinyRuns.oneTo(16), TinyRuns.trainIterations(run));
    }
}
