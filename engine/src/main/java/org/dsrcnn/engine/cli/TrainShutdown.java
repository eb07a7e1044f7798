package org.dsrcnn.engine.cli;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dsrcnn.engine.train.RunStatus;
import org.dsrcnn.engine.train.TrainingRun;

/**
 * What SIGTERM (or Ctrl-C, or a logout) does to {@code dsrcnn train}: a JVM shutdown hook asks the run
 * to stop after its current step and waits for it, up to {@code -Ddsrcnn.stopTimeoutSeconds}
 * (default 120: a paper-size step plus its checkpoint fits). A run that stopped cleanly then ends
 * the process with exit code 0, as a STOP file would, because the run ended as asked, not by being
 * killed mid-way (143 would tell a supervisor otherwise). A run that does not stop in time is
 * marked failed in {@code status.json} and the JVM exits with its usual signal status.
 */
final class TrainShutdown implements AutoCloseable {

    static final String TIMEOUT_PROPERTY = "dsrcnn.stopTimeoutSeconds";
    private static final long DEFAULT_TIMEOUT_SECONDS = 120;

    private final Thread hook;

    private TrainShutdown(Thread hook) {
        this.hook = hook;
    }

    static TrainShutdown install(TrainingRun run) {
        long timeout = Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_SECONDS);
        Thread hook = new Thread(() -> onShutdown(run, timeout), "dsrcnn-train-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new TrainShutdown(hook);
    }

    private static void onShutdown(TrainingRun run, long timeoutSeconds) {
        run.requestStop("stopped by a termination signal (SIGTERM or Ctrl-C)");
        Optional<TrainingRun.Result> result;
        try {
            result = run.awaitEnd(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            result = Optional.empty();
        }
        if (result.isPresent() && RunStatus.STOPPED.equals(result.get().state())) {
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(0);
        }
        run.markFailed("did not stop within " + timeoutSeconds + " s of a termination signal; resume from its "
                + "newest checkpoint with --resume");
    }

    /** Removes the hook once the run has ended by itself. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and ends the process itself
        }
    }
}
