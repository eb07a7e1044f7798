/**
 * The feature extractor: a ResNet (basic blocks for depth 18/34, bottlenecks with the stride on the
 * 3x3 conv for 50/101, any base width, frozen BN / BN / GN) producing C2..C5, and the FPN turning
 * them into P2..P5.
 */
package org.dsrcnn.engine.model.backbone;
