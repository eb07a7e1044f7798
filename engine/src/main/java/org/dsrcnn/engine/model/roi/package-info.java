/**
 * RoIAlign (torchvision {@code roi_align}, aligned=True) over the FPN levels P2..P5, written for an
 * engine that has no such op: the bilinear sampling weights of every output bin are computed in
 * plain Java (boxes carry no gradient) and applied to the features as one sparse x dense matrix
 * product, so gradients reach the feature maps through the engine's autograd.
 */
package org.dsrcnn.engine.model.roi;
