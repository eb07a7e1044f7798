package org.dsrcnn.app.training;

import java.nio.file.Path;
import java.util.List;

/**
 * What the runs table shows about one run directory, read from its files.
 *
 * @param name the directory's name
 * @param dir the run directory
 * @param sample true for the read-only sample runs shipped under {@code assets/runs/}
 * @param state running, finished, stopped, failed, or incomplete (no status file and no final model)
 * @param pid the training process's id while it runs (or ran), or -1
 * @param iteration the last iteration done
 * @param maxIterations the run's length ({@code solver.maxIters}), or -1 when unknown
 * @param imagesPerSecond the last training speed, or NaN
 * @param etaSeconds the time left while running, or NaN
 * @param started when training started (ISO-8601), or ""
 * @param message why it failed or stopped, or ""
 * @param logTail the last lines of {@code train.log} when it failed, or ""
 * @param problem a file of this run that could not be read (one line), or ""
 * @param metrics its metrics so far
 * @param model the final model directory, or null
 * @param checkpoints its checkpoints' model directories, oldest first
 */
public record RunInfo(
        String name,
        Path dir,
        boolean sample,
        String state,
        long pid,
        long iteration,
        long maxIterations,
        double imagesPerSecond,
        double etaSeconds,
        String started,
        String message,
        String logTail,
        String problem,
        MetricsSnapshot metrics,
        Path model,
        List<Path> checkpoints) {

    public static final String RUNNING = org.dsrcnn.engine.train.RunStatus.RUNNING;
    public static final String FINISHED = org.dsrcnn.engine.train.RunStatus.FINISHED;
    public static final String STOPPED = org.dsrcnn.engine.train.RunStatus.STOPPED;
    public static final String FAILED = org.dsrcnn.engine.train.RunStatus.FAILED;
    public static final String INCOMPLETE = "incomplete";

    public boolean running() {
        return state.equals(RUNNING);
    }

    /** The last validation AP, or NaN. */
    public double lastAp() {
        return metrics.lastEval("eval.AP");
    }

    /** The best validation AP, or NaN. */
    public double bestAp() {
        return metrics.bestEval("eval.AP");
    }
}
