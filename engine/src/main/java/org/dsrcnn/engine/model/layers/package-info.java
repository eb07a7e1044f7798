/**
 * Small parameterised layers the network is assembled from: a {@link
 * org.dsrcnn.engine.model.layers.Module} base block with readable, stable parameter names and shapes
 * fixed at construction (so parameters can be counted without allocating them), PyTorch-style
 * initialisers, linear / convolution / layer-norm layers and the three 2-D norms of the backbone
 * (frozen batch norm, batch norm, group norm).
 */
package org.dsrcnn.engine.model.layers;
