package org.dsrcnn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a trainer does with a run directory that already holds a run: the checkpoints on disk are the
 * truth (a missing or stale {@code last_checkpoint} changes nothing, an incomplete checkpoint is
 * skipped with a message, a newer one is never deleted), a new run never starts over an old one
 * without {@code --force}, a {@code --set} on resume is applied with a message or refused, and a
 * second trainer is locked out. One real tiny run of 10 iterations is trained once and copied per case.
 */
class RunDirectoryTest {

    @TempDir static Path shared;
    static Path data;
    static Path finished;

    @BeforeAll
    static void trainOnce() {
        data = TinyRuns.shapes(shared.resolve("shapes"));
        finished = shared.resolve("finished");
        TinyRuns.Outcome r = TinyRuns.cli(TinyRuns.trainArgs(data, finished, "--iters", "10"));
        assertEquals(0, r.code(), r.err());
    }

    private static Path copyOfFinished(Path dir) throws IOException {
        Path target = dir.resolve("run");
        try (Stream<Path> walk = Files.walk(finished)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = target.resolve(finished.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals(".lock")) {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    /** Every file of a run with its size and content hash (the lock file aside). */
    private static Map<String, Integer> snapshot(Path run) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(".lock")) {
                    out.put(run.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    private static Path ck(Path run, long iter) {
        return run.resolve("checkpoints").resolve(Checkpoints.name(iter));
    }

    @Test
    void aFinishedRunWithoutItsPointerLosesNothing(@TempDir Path dir) throws Exception {
        Path run = copyOfFinished(dir);
        Files.delete(run.resolve("last_checkpoint"));
        Map<String, Integer> before = snapshot(run);

        TinyRuns.Outcome fresh = TinyRuns.cli(TinyRuns.trainArgs(data, run, "--iters", "10"));
        assertEquals(1, fresh.code());
        assertEquals("train: run directory " + run + " already holds a run (checkpoints up to iter_0000010, "
                + "metrics.jsonl, model/, config.json): pass --resume to continue it, --force to start over (the old "
                + "run is moved aside, not deleted), or choose another --out", fresh.err().strip());
        assertEquals(before, snapshot(run), "a refused start touches nothing, not even status.json");

        TinyRuns.Outcome resumed = TinyRuns.cli(List.of("train", "--out", run.toString(), "--resume", "--no-progress"));
        assertEquals(0, resumed.code(), resumed.err());
        Map<String, Integer> after = snapshot(run);
        for (String kept : List.of("checkpoints/iter_0000005/optimizer.bin", "checkpoints/iter_0000010/optimizer.bin",
                "model/weights.dsrt", "model/model.json", "metrics.jsonl")) {
            assertEquals(before.get(kept), after.get(kept), kept + " is unchanged");
        }
        assertEquals(RunStatus.FINISHED, RunStatus.read(run).orElseThrow().state());
    }

    @Test
    void resumeFallsBackPastAnUnreadableCheckpointAndNeverDeletesANewerOne(@TempDir Path dir) throws Exception {
        Path run = copyOfFinished(dir);
        try (RandomAccessFile f = new RandomAccessFile(ck(run, 10).resolve("optimizer.bin").toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x10); // one flipped bit: the checksum catches it
        }
        List<String> messages = new ArrayList<>();
        List<Boolean> newerKept = new ArrayList<>();
        TrainingRun.Result r = new TrainingRun(new TrainingRun.Options(null, null, run, true, null, null, List.of(), null,
                Map.of("solver.checkpointPeriod", "2", "solver.maxIters", "12"), false)).onMessage(m -> {
                    messages.add(m);
                    if (m.equals("checkpoint " + Checkpoints.name(6)) || m.equals("checkpoint " + Checkpoints.name(8))) {
                        newerKept.add(Files.isDirectory(ck(run, 10)));
                    }
                }).run();
        assertEquals(RunStatus.FINISHED, r.state());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("checkpoint iter_0000010 is incomplete or unreadable ("
                + "bad tensor file optimizer.bin: checksum mismatch (file is corrupt)): falling back to an older one")),
                messages.toString());
        assertTrue(messages.contains("last_checkpoint names iter_0000010, but the newest checkpoint that loads is "
                + "iter_0000005: resuming from iter_0000005"), messages.toString());
        assertTrue(messages.contains("resumed from " + ck(run, 5) + " at iteration 5"), messages.toString());
        assertEquals(List.of(true, true), newerKept, "checkpoints 6 and 8 pruned older ones, never iter_0000010");
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size(), names.toString());
            assertEquals("iter_0000010", names.get(0));
            assertTrue(names.get(1).startsWith("iter_0000010.unreadable-"), "the unreadable one is kept aside: " + names);
            assertEquals("iter_0000012", names.get(2));
        }
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("checkpoint iter_0000010 already existed and did not "
                + "load: kept as iter_0000010.unreadable-")), messages.toString());
    }

    @Test
    void aSetOnResumeIsAppliedWithAMessageOrRefused(@TempDir Path dir) throws Exception {
        Path run = copyOfFinished(dir);
        Map<String, Integer> before = snapshot(run);
        List<String> resume = List.of("train", "--out", run.toString(), "--resume", "--no-progress");
        for (String[] refused : new String[][] {
            {"--set", "proposals.count=20", "train: proposals.count=20 differs from the run's saved value 8: a resumed "
                    + "run keeps its saved config except solver.* (not solver.seed or solver.batchSize); drop the "
                    + "setting, or start a new run"},
            {"--set", "solver.seed=99", "train: solver.seed=99 differs from the run's saved value 7"},
            {"--config", "paper", "train: the run was started with config 'small'; --config paper cannot change it on "
                    + "--resume (leave --config out, or start a new run)"},
            {"--iters", "4", "train: the run is at iteration 10; solver.maxIters 4 would end before it (give a larger "
                    + "--iters)"},
            {"--set", "solver.lr=NaN", "train: solver.lr = NaN: expected a finite number > 0"}}) {
            List<String> args = new ArrayList<>(resume);
            args.addAll(List.of(refused[0], refused[1]));
            TinyRuns.Outcome r = TinyRuns.cli(args);
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().strip().startsWith(refused[2]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertEquals(before, snapshot(run), "refused resumes leave the run as it was");

        List<String> args = new ArrayList<>(resume);
        args.addAll(List.of("--set", "solver.lr=0.001", "--set", "proposals.count=8", "--iters", "12"));
        List<String> messages = new ArrayList<>();
        TrainingRun.Result r = new TrainingRun(new TrainingRun.Options(null, null, run, true, null, null, List.of(), null,
                Map.of("solver.lr", "0.001", "proposals.count", "8", "solver.maxIters", "12"), false))
                .onMessage(messages::add).run();
        assertEquals(12, r.iteration());
        assertTrue(messages.contains("resume: solver.lr 5.0E-4 -> 0.001"), messages.toString());
        assertTrue(messages.contains("resume: solver.maxIters 10 -> 12"), messages.toString());
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"maxIters\" : 12"),
                "config.json records the run's new schedule");
    }

    @Test
    void forceMovesTheOldRunAsideAndALockedDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path run = copyOfFinished(dir);
        try (RunLock held = RunLock.acquire(run)) {
            Map<String, Integer> before = snapshot(run);
            TinyRuns.Outcome r = TinyRuns.cli(List.of("train", "--out", run.toString(), "--resume", "--no-progress"));
            assertEquals(1, r.code());
            assertEquals("train: run directory " + run + " is in use by another trainer (pid "
                    + ProcessHandle.current().pid() + "); wait for it to end, or stop it with " + run.resolve("STOP"),
                    r.err().strip());
            assertEquals(before, snapshot(run));
        }
        TinyRuns.Outcome forced = TinyRuns.cli(TinyRuns.trainArgs(data, run, "--iters", "3", "--force"));
        assertEquals(0, forced.code(), forced.err());
        assertEquals(TinyRuns.oneTo(3), TinyRuns.trainIterations(run));
        Path aside;
        try (Stream<Path> s = Files.list(run)) {
            aside = s.filter(p -> p.getFileName().toString().startsWith("replaced-")).findFirst().orElseThrow();
        }
        assertEquals(TinyRuns.oneTo(10), TinyRuns.trainIterations(aside), "the old run's metrics, intact");
        assertTrue(Files.isRegularFile(aside.resolve("checkpoints/iter_0000010/state.json")));
        assertTrue(Files.isRegularFile(aside.resolve("model/model.json")));
        assertFalse(Files.exists(ck(run, 10)));

        Path file = Files.writeString(dir.resolve("notes.txt"), "not a run");
        TinyRuns.Outcome onFile = TinyRuns.cli(TinyRuns.trainArgs(data, file));
        assertEquals("train: run directory " + file + " is a file; expected a directory (or a path that does not exist "
                + "yet)", onFile.err().strip());
    }
}
