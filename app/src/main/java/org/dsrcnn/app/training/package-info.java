/**
 * The Training page: launch {@code dsrcnn train} as a child process from a validated form, list a
 * runs folder as a table (status read from each run's {@code status.json}, liveness from its pid),
 * follow every run's {@code metrics.jsonl} as it grows, and chart the curves of several runs
 * overlaid, TensorBoard-style ({@link org.dsrcnn.viewer.curves.CurveChart}); stop (a STOP file),
 * resume, delete, and open a run's model or checkpoint in the Explorer.
 */
package org.dsrcnn.app.training;
