/**
 * The Dynamic Sparse R-CNN network as DJL blocks: backbone, FPN, proposals/DPG, dynamic head.
 *
 * <p>Entry point: {@link org.dsrcnn.engine.model.SparseRcnn} ({@code new SparseRcnn(config)}, {@code
 * initialize(manager)}, {@code forward(ps, images, imageWhwh, training)} for training, {@code
 * predict(ps, images, imageWhwh)} for inference, {@code namedParameters()} for optimisers and
 * checkpoints). Model directories are read and written by {@link
 * org.dsrcnn.engine.model.io.ModelFiles}.
 *
 * <p>Box conventions: every box leaving the network is xyxy in input pixels (the resized, unpadded
 * image); normalised cxcywh only appears inside the proposal parameters.
 *
 * <p>Process settings that matter for speed on CPU (set by the {@code ./dsrcnn} launcher): {@code
 * OMP_WAIT_POLICY=PASSIVE} (spinning OpenMP threads are up to 10x slower when cores are shared) and
 * {@code MALLOC_MMAP_THRESHOLD_}/{@code MALLOC_TRIM_THRESHOLD_} (keeps freed activations in the heap
 * instead of re-faulting them every step); {@code THP_MEM_ALLOC_ENABLE=1} halves paper-size (800 px,
 * ResNet-50) inference time but slows the small preset.
 */
package org.dsrcnn.engine.model;
