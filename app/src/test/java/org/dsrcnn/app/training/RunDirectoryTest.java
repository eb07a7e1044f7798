package org.dsrcnn.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading run directories as the runs table does, on real files (and a real, ended process). */
class RunDirectoryTest {
    @TempDir
    Path temp;

    private static String train(int iter, double total) {
        return "{\"type\":\"train\",\"iter\":" + iter + ",\"total\":" + total + ",\"positives\":[3,4,5],"
                + "\"images_per_s\":4.0,\"images_seen\":" + (iter * 8) + ",\"wall_s\":" + (iter * 2.0) + "}\n";
    }

    private Path run(String name) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("config.json"), "{\"solver\":{\"maxIters\":100}}");
        return dir;
    }

    @Test
    void tornLastLineWaitsForItsNewline() throws Exception {
        Path dir = run("torn");
        Path metrics = dir.resolve("metrics.jsonl");
        String third = train(3, 7.0);
        Files.writeString(metrics, train(1, 9.0) + train(2, 8.0) + third.substring(0, 20));
        RunDirectory rd = new RunDirectory(dir, false);
        RunInfo first = rd.read();
        assertEquals(2, first.metrics().trainRows());
        assertEquals("", first.problem(), "a torn last line is not a problem, only not there yet");
        Files.writeString(metrics, third.substring(20), StandardOpenOption.APPEND);
        RunInfo second = rd.read();
        assertEquals(3, second.metrics().trainRows());
        assertEquals(7.0, second.metrics().lastTrain("total"));
        assertEquals(5.0, second.metrics().lastTrain("positives.s3"), "array fields become per-stage columns");
        assertEquals(100, second.maxIterations());
    }

    @Test
    void corruptFilesAreReportedForThatRunOnly() throws Exception {
        Path good = run("good");
        Files.writeString(good.resolve("metrics.jsonl"), train(1, 9.0));
        Path badConfig = run("bad-config");
        Files.writeString(badConfig.resolve("config.json"), "{\"solver\": {");
        Files.writeString(badConfig.resolve("metrics.jsonl"), train(1, 9.0) + train(2, 8.0));
        Path badMetrics = run("bad-metrics");
        Files.writeString(badMetrics.resolve("metrics.jsonl"), train(1, 9.0) + "#!garbage\u0000\n" + train(3, 7.0));
        List<RunInfo> runs = new RunWatcher(() -> List.of(new RunWatcher.Folder(temp, false)), r -> { }).poll();
        assertEquals(3, runs.size());
        RunInfo config = runs.stream().filter(r -> r.name().equals("bad-config")).findFirst().orElseThrow();
        assertTrue(config.problem().startsWith("config.json: "), config.problem());
        assertEquals(2, config.metrics().trainRows(), "its metrics are still shown");
        RunInfo metrics = runs.stream().filter(r -> r.name().equals("bad-metrics")).findFirst().orElseThrow();
        assertEquals("metrics.jsonl: 1 line(s) are not valid JSON and were skipped", metrics.problem());
        assertEquals(2, metrics.metrics().trainRows());
        RunInfo ok = runs.stream().filter(r -> r.name().equals("good")).findFirst().orElseThrow();
        assertEquals("", ok.problem());
    }

    @Test
    void runningWithAGoneProcessIsFailedWithItsLogTail() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long deadPid = p.pid();
        Path dir = run("killed");
        Files.writeString(dir.resolve("metrics.jsonl"), train(1, 9.0));
        Files.writeString(dir.resolve("status.json"), "{\"state\":\"running\",\"pid\":" + deadPid
                + ",\"iter\":1,\"max_iters\":100,\"started\":\"2026-12-02T06:00:00Z\",\"updated\":\"2026-12-02T06:00:01Z\"}");
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            log.append("line ").append(i).append('\n');
        }
        Files.writeString(dir.resolve("train.log"), log, StandardCharsets.UTF_8);
        RunInfo r = new RunDirectory(dir, false).read();
        assertEquals(RunInfo.FAILED, r.state());
        assertTrue(r.message().contains("pid " + deadPid), r.message());
        assertTrue(r.logTail().startsWith("line 26\n") && r.logTail().endsWith("line 40"), r.logTail());
    }

    @Test
    void runningWithALiveProcessHasAnEta() throws Exception {
        Path dir = run("alive");
        StringBuilder m = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            m.append(train(i, 10 - i * 0.1));
        }
        Files.writeString(dir.resolve("metrics.jsonl"), m);
        Files.writeString(dir.resolve("status.json"), "{\"state\":\"running\",\"pid\":" + ProcessHandle.current().pid()
                + ",\"iter\":30,\"max_iters\":100,\"started\":\"" + ProcessHandle.current().info().startInstant().orElseThrow()
                + "\",\"updated\":\"2026-12-02T06:00:01Z\"}");
        RunInfo r = new RunDirectory(dir, false).read();
        assertEquals(RunInfo.RUNNING, r.state());
        // 2 s per iteration (wall_s = 2 * iter), 70 iterations left
        assertEquals(140.0, r.etaSeconds(), 1e-9);
        assertEquals(4.0, r.imagesPerSecond(), 1e-9, "8 images per 2 s");
    }
}
