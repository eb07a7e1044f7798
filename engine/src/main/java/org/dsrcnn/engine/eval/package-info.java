/**
 * COCO box evaluation with pycocotools' exact semantics ({@link org.dsrcnn.engine.eval.CocoEvaluator}),
 * its 12 summary numbers ({@link org.dsrcnn.engine.eval.CocoMetrics}) and the COCO results format
 * ({@link org.dsrcnn.engine.eval.CocoResults}); one image's matching as a viewer shows it (TP / FP /
 * FN per detection and GT, {@link org.dsrcnn.engine.eval.ImageMatching}) and a dataset's numbers with
 * PR curves and per-image matchings ({@link org.dsrcnn.engine.eval.DatasetEvaluation}). Plain Java: the work is small loops over short lists,
 * where per-op NDArray overhead would dominate.
 */
package org.dsrcnn.engine.eval;
