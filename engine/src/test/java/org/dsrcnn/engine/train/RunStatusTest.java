package org.dsrcnn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status file's reader: round trip, absence, corrupt files, and liveness of the writer's pid. */
class RunStatusTest {

    @TempDir Path dir;

    private static String processStart() {
        return ProcessHandle.current().info().startInstant().orElseThrow().toString();
    }

    @Test
    void writesAtomicallyAndReadsBack() throws Exception {
        assertTrue(RunStatus.read(dir).isEmpty(), "no status file: empty, not an error");
        RunStatus s = new RunStatus(RunStatus.RUNNING, ProcessHandle.current().pid(), 7, 100, processStart(),
                Instant.now().toString(), 12.5, 3.25, "line one\nline two", "iter_0000005");
        s.write(dir);
        RunStatus back = RunStatus.read(dir).orElseThrow();
        assertEquals(s, back);
        assertEquals("line one", back.message(), "the message is one line");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("status.json")), files.toList(), "no temporary file left behind");
        }
        String json = Files.readString(dir.resolve("status.json"));
        for (String key : List.of("\"state\"", "\"pid\"", "\"iter\"", "\"max_iters\"", "\"started\"", "\"updated\"",
                "\"eta_s\"", "\"images_per_s\"", "\"message\"")) {
            assertTrue(json.contains(key), key + " in " + json);
        }
    }

    @Test
    void corruptFilesGiveOneLineNamingTheFile() throws Exception {
        for (String bad : List.of("", "{\"state\": \"running\", \"pid\": 1", "[1, 2]", "{\"state\": \"dancing\", \"pid\": 1,"
                + " \"iter\": 0, \"max_iters\": 1, \"started\": \"2020-01-01T00:00:00Z\", \"updated\": \"2020-01-01T00:00:00Z\"}",
                "{\"state\": \"running\", \"pid\": \"x\", \"iter\": 0, \"max_iters\": 1, \"started\": \"a\", \"updated\": \"b\"}",
                "{\"state\": \"running\", \"pid\": 3, \"iter\": 0, \"max_iters\": 1, \"started\": \"yesterday\","
                        + " \"updated\": \"2020-01-01T00:00:00Z\"}",
                "{\"state\": \"running\"}", "\u0000\u0001garbage")) {
            Files.writeString(dir.resolve("status.json"), bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunStatus.read(dir), bad);
            assertTrue(e.getMessage().startsWith(dir.resolve("status.json") + " is corrupt: "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void runningWithADeadPidIsFailed() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String start = gone.info().startInstant().map(Instant::toString).orElse(Instant.now().toString());
        assertTrue(gone.waitFor(1, TimeUnit.MINUTES));
        RunStatus dead = new RunStatus(RunStatus.RUNNING, gone.pid(), 4, 10, start, Instant.now().toString(),
                null, null, null, null);
        assertFalse(dead.processAlive());
        RunStatus effective = dead.effective();
        assertEquals(RunStatus.FAILED, effective.state());
        assertTrue(effective.message().contains("pid " + gone.pid()), effective.message());

        RunStatus alive = new RunStatus(RunStatus.RUNNING, ProcessHandle.current().pid(), 4, 10, processStart(),
                Instant.now().toString(), null, null, null, null);
        assertTrue(alive.processAlive());
        assertEquals(alive, alive.effective());

        RunStatus reused = new RunStatus(RunStatus.RUNNING, ProcessHandle.current().pid(), 4, 10,
                "2001-01-01T00:00:00Z", Instant.now().toString(), null, null, null, null);
        assertFalse(reused.processAlive(), "our pid, but started long after that status: a reused pid");

        RunStatus stopped = alive.with(RunStatus.STOPPED, 4, "asked to");
        assertEquals(stopped, stopped.effective(), "only running can turn into failed");
    }
}
