package org.dsrcnn.engine.train;

/**
 * Where a training run stands, saved in every checkpoint's {@code state.json}.
 *
 * @param iteration the next iteration to run (0-based); equals the iterations done
 * @param optimizerSteps AdamW updates applied (differs from iteration when non-finite steps were skipped)
 * @param imagesSeen training images consumed
 * @param wallSeconds training wall time so far, summed over sittings
 * @param seed the run's seed (data order, augmentation, initialisation)
 */
public record RunState(long iteration, long optimizerSteps, long imagesSeen, double wallSeconds, long seed) {}
