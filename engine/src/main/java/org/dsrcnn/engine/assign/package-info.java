/**
 * Label assignment: which prediction learns from which ground-truth box. Two matchers behind one
 * interface ({@link org.dsrcnn.engine.assign.LabelMatcher}): the exact one-to-one
 * {@link org.dsrcnn.engine.assign.HungarianMatcher} of Sparse R-CNN and the many-to-one
 * optimal-transport {@link org.dsrcnn.engine.assign.OtaMatcher} (dynamic label assignment, paper
 * §3.2: dynamic k, unit increasing, the 80 % cap, log-domain Sinkhorn).
 *
 * <p>Everything here is plain Java on float/double arrays: the matrices are small (at most a few
 * hundred predictions by a few dozen GT), where a JVM loop beats DJL's ~8 us per-op overhead. Boxes
 * are {@code xyxy} in input-image pixels throughout.
 */
package org.dsrcnn.engine.assign;
