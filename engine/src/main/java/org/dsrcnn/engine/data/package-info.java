/**
 * COCO datasets, image transforms, batching and (in {@code shapes}) the synthetic shapes dataset.
 *
 * <ul>
 *   <li>{@link org.dsrcnn.engine.data.CocoDataset}: a validated COCO file (problems listed in a
 *       {@link org.dsrcnn.engine.data.ValidationReport}; fatal ones throw
 *       {@link org.dsrcnn.engine.data.DatasetException} with one line).
 *   <li>{@link org.dsrcnn.engine.data.ImagePreprocessor}: resize (shorter side, longer capped),
 *       flip, normalize; boxes follow, and a {@link org.dsrcnn.engine.data.ResizeInfo} maps them
 *       back to original pixels.
 *   <li>{@link org.dsrcnn.engine.data.BatchCollator}: pad and stack into NDArrays
 *       ({@link org.dsrcnn.engine.data.Batch}).
 *   <li>{@link org.dsrcnn.engine.data.DataLoader}: shuffled, augmented, prefetched, resumable
 *       training batches.
 * </ul>
 *
 * <p>Box conventions: COCO files hold {@code [x, y, w, h]} in original-image pixels; everything
 * else here is xyxy, in original-image pixels before the transform and in input pixels after it.
 * Coordinates are continuous (pixel i covers [i, i+1)). Pixels are planar RGB floats.
 */
package org.dsrcnn.engine.data;
