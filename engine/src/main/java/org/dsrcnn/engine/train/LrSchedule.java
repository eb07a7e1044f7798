package org.dsrcnn.engine.train;

import java.util.List;
import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * Learning rate per iteration: linear warm-up from {@code warmupFactor * lr} to {@code lr} over
 * {@code warmupIters} (detectron2's WarmupMultiStepLR), then multiplied by {@code gamma} at each of
 * {@code steps}.
 */
public final class LrSchedule {
    private final double baseLr;
    private final int warmupIters;
    private final double warmupFactor;
    private final List<Integer> steps;
    private final double gamma;

    public LrSchedule(DsrcnnConfig.Solver solver) {
        this.baseLr = solver.lr();
        this.warmupIters = solver.warmupIters();
        this.warmupFactor = solver.warmupFactor();
        this.steps = List.copyOf(solver.steps());
        this.gamma = solver.gamma();
    }

    /** The learning rate of (0-based) iteration {@code iter}. */
    public double lr(long iter) {
        double factor = 1.0;
        if (iter < warmupIters) {
            double alpha = (double) iter / warmupIters;
            factor = warmupFactor * (1 - alpha) + alpha;
        }
        int passed = 0;
        for (int s : steps) {
            if (iter >= s) {
                passed++;
            }
        }
        return baseLr * factor * Math.pow(gamma, passed);
    }
}
