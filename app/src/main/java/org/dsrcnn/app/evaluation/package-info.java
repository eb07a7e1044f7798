/**
 * The Evaluation page: the model run over the open COCO dataset on the background executor (the
 * code of {@code dsrcnn eval --model --per-stage}), then the 12 COCO numbers, AP per class, PR
 * curves per class, AP per stage (each evaluated as the last; the paper's Figure 6) and the images
 * sortable by their own AP, FP or FN count. {@link org.dsrcnn.app.evaluation.EvaluationViewModel}
 * holds the state and is testable without a window; {@link org.dsrcnn.app.evaluation.EvaluationPage}
 * is the layout.
 */
package org.dsrcnn.app.evaluation;
