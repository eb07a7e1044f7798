package org.dsrcnn.engine.train;

import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * DPG softmax temperature per iteration: falls linearly from {@code tauStart} to {@code tauEnd}
 * over the first {@code tauAnnealFraction} of {@code maxIters}, then stays at {@code tauEnd} (the
 * Dynamic Convolution convention; the paper says "temperature annealing" without a schedule).
 */
public final class TemperatureSchedule {
    private final double start;
    private final double end;
    private final double annealIters;

    public TemperatureSchedule(DsrcnnConfig.Proposals proposals, int maxIters) {
        this.start = proposals.tauStart();
        this.end = proposals.tauEnd();
        this.annealIters = proposals.tauAnnealFraction() * maxIters;
    }

    /** The temperature of (0-based) iteration {@code iter}. */
    public double tau(long iter) {
        if (annealIters <= 0 || iter >= annealIters) {
            return end;
        }
        return start + (end - start) * (iter / annealIters);
    }
}
