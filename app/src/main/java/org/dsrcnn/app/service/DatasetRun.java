package org.dsrcnn.app.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.eval.DatasetEvaluation;
import org.dsrcnn.engine.trace.DetectionTrace;

/**
 * The model run over a whole dataset and scored, as {@code dsrcnn eval --model M --per-stage} does
 * it. Plain data.
 *
 * @param dataset the ground truth (the images attempted)
 * @param evaluation the 12 numbers, PR curves and every image's matching
 * @param stages per stage t (index t-1) the 12 numbers of stage t evaluated as the last
 * @param traces the images' traces, by file (so browsing afterwards runs nothing), as many as fit
 *     in about 200 MB
 * @param skipped images that could not be read, one line each
 * @param seconds wall time of the run
 */
public record DatasetRun(CocoDataset dataset, DatasetEvaluation evaluation, List<CocoMetrics> stages,
        Map<Path, DetectionTrace> traces, List<String> skipped, double seconds) {}
