package org.dsrcnn.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps {@code RUN/status.json} current for one sitting of a run: every progress update writes it,
 * and a daemon thread rewrites it every few seconds so that {@code updated} moves even during a long
 * step or evaluation. Writes from the loop, the heartbeat and a shutdown hook are serialised; once a
 * final state (finished, stopped, failed) is written, nothing overwrites it.
 */
final class RunStatusWriter implements AutoCloseable {

    /** How often the heartbeat rewrites the file (the contract promises at least every 5 s). */
    static final long HEARTBEAT_SECONDS = 5;

    private final Path runDir;
    private final Consumer<String> warnings;
    private final ScheduledExecutorService heartbeat;
    private RunStatus current;
    private boolean finalWritten;
    private boolean warned;

    /** Writes the first "running" status and starts the heartbeat. */
    RunStatusWriter(Path runDir, long iter, long maxIters, Consumer<String> warnings) {
        this.runDir = runDir;
        this.warnings = warnings;
        String started = ProcessHandle.current().info().startInstant().orElseGet(Instant::now).toString();
        String now = Instant.now().toString();
        this.current = new RunStatus(RunStatus.RUNNING, ProcessHandle.current().pid(), iter, maxIters, started, now,
                null, null, null, null);
        write();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dsrcnn-status");
            t.setDaemon(true); // never keeps a finished process alive
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** Progress of a running sitting. */
    synchronized void running(long iter, long maxIters, Double etaS, Double imagesPerS, String message) {
        if (finalWritten) {
            return;
        }
        current = new RunStatus(RunStatus.RUNNING, current.pid(), iter, maxIters, current.started(),
                Instant.now().toString(), etaS, imagesPerS, message, current.checkpoint());
        write();
    }

    /** A checkpoint was written. */
    synchronized void checkpoint(String name) {
        if (finalWritten) {
            return;
        }
        current = new RunStatus(current.state(), current.pid(), current.iter(), current.maxIters(), current.started(),
                Instant.now().toString(), current.etaS(), current.imagesPerS(), current.message(), name);
        write();
    }

    /**
     * The sitting's end: finished, stopped or failed, with its one-line reason. Only the first call
     * counts (a shutdown hook that gives up waiting must not be overwritten by the loop, nor the reverse).
     *
     * @return true when this call wrote the final state
     */
    synchronized boolean end(String state, long iter, String message) {
        if (finalWritten) {
            return false;
        }
        finalWritten = true;
        current = current.with(state, iter, message);
        write();
        heartbeat.shutdownNow();
        return true;
    }

    /** The iteration last reported. */
    synchronized long iter() {
        return current.iter();
    }

    private synchronized void beat() {
        if (!finalWritten) {
            current = new RunStatus(current.state(), current.pid(), current.iter(), current.maxIters(),
                    current.started(), Instant.now().toString(), current.etaS(), current.imagesPerS(),
                    current.message(), current.checkpoint());
            write();
        }
    }

    private void write() {
        try {
            current.write(runDir);
        } catch (IOException | RuntimeException e) {
            // the status is for watchers; a full disk must not stop the training itself (its
            // checkpoints will fail loudly enough), but say it once
            if (!warned) {
                warned = true;
                warnings.accept("cannot write " + runDir.resolve(RunStatus.FILE) + ": "
                        + org.dsrcnn.engine.errors.OneLineReason.of(e));
            }
        }
    }

    /** Stops the heartbeat (the last state written stays). */
    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
