package org.dsrcnn.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Watches run folders on its own daemon thread (never the FX thread): every {@code periodMs} it
 * lists each folder's run directories, reads what is new in each ({@link RunDirectory}), and hands
 * the list to {@code publish} (on the watcher thread; the view-model moves it to the FX thread). A
 * failure while reading one folder is reported as that folder's problem; the watcher keeps going.
 */
public final class RunWatcher implements AutoCloseable {
    /** A folder to watch; runs found in a sample folder are read-only. */
    public record Folder(Path path, boolean sample) {}

    private final Supplier<List<Folder>> folders;
    private final Consumer<List<RunInfo>> publish;
    private final Map<Path, RunDirectory> known = new HashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "training-watch");
        t.setDaemon(true);
        return t;
    });

    public RunWatcher(Supplier<List<Folder>> folders, Consumer<List<RunInfo>> publish) {
        this.folders = folders;
        this.publish = publish;
    }

    /** Starts polling every {@code periodMs} milliseconds. */
    public void start(long periodMs) {
        thread.scheduleWithFixedDelay(this::pollQuietly, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Polls once more, soon (after a launch, a stop or a delete). */
    public void pollSoon() {
        thread.execute(this::pollQuietly);
    }

    private void pollQuietly() {
        try {
            publish.accept(poll());
        } catch (RuntimeException e) {
            // a bug in reading must not end the watching; the next poll tries again
            System.err.println("training-watch: " + OneLine.of(e));
        }
    }

    /** Reads every run once (on the caller's thread; tests call it directly). */
    public synchronized List<RunInfo> poll() {
        List<RunInfo> runs = new ArrayList<>();
        Map<Path, RunDirectory> seen = new HashMap<>();
        for (Folder folder : folders.get()) {
            if (folder.path() == null || !Files.isDirectory(folder.path())) {
                continue;
            }
            List<Path> dirs;
            try (Stream<Path> s = Files.list(folder.path())) {
                dirs = s.filter(Files::isDirectory).filter(RunDirectory::isRun).sorted().toList();
            } catch (IOException e) {
                continue;
            }
            for (Path dir : dirs) {
                RunDirectory run = known.computeIfAbsent(dir, d -> new RunDirectory(d, folder.sample()));
                seen.put(dir, run);
                runs.add(run.read());
            }
        }
        known.keySet().retainAll(seen.keySet());
        runs.sort(Comparator.comparing(RunInfo::sample).thenComparing(RunInfo::name));
        return runs;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
