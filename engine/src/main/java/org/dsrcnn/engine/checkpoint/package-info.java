/**
 * Reading PyTorch / detectron2 checkpoints in Java (zip and legacy {@code torch.save}, detectron2
 * numpy pickles) through a restricted unpickler, and importing the official Sparse R-CNN COCO
 * checkpoints as model directories of this engine ({@link org.dsrcnn.engine.checkpoint.CheckpointImport}).
 */
package org.dsrcnn.engine.checkpoint;
