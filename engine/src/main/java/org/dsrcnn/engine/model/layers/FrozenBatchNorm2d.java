package org.dsrcnn.engine.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

/**
 * detectron2's {@code FrozenBatchNorm2d}: y = (x - running_mean) / sqrt(running_var + eps) * weight
 * + bias with all four vectors fixed (loaded from a pretrained backbone), eps 1e-5. None of them is
 * trainable, and the statistics never change, in training or not.
 */
public final class FrozenBatchNorm2d extends Norm2d {

    private static final float EPS = 1e-5f;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter runningMean;
    private final Parameter runningVar;

    public FrozenBatchNorm2d(int channels) {
        Shape s = new Shape(channels);
        weight = buffer("weight", s, Initializers.constant(1));
        bias = buffer("bias", s, Initializers.constant(0));
        runningMean = buffer("running_mean", s, Initializers.constant(0));
        runningVar = buffer("running_var", s, Initializers.constant(1));
    }

    /** {@inheritDoc} */
    @Override
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        // inference-mode batch norm is exactly the frozen affine map, in one native op
        return BatchNorm.batchNorm(
                        x,
                        value(ps, runningMean, x, training),
                        value(ps, runningVar, x, training),
                        value(ps, weight, x, training),
                        value(ps, bias, x, training),
                        1,
                        0.9f,
                        EPS,
                        false)
                .singletonOrThrow();
    }
}
