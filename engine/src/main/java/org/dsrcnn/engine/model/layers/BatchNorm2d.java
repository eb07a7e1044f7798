package org.dsrcnn.engine.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

/**
 * Trainable batch norm, as {@code torch.nn.BatchNorm2d} (momentum 0.1, eps 1e-5): batch statistics
 * while training (updating the running ones), running statistics otherwise. weight and bias are
 * trainable; the running statistics are saved but not trained.
 */
public final class BatchNorm2d extends Norm2d {

    private static final float EPS = 1e-5f;
    /** DJL's momentum is the weight of the old value: PyTorch momentum 0.1 = DJL 0.9. */
    private static final float DJL_MOMENTUM = 0.9f;

    private final Parameter weight;
    private final Parameter bias;
    private final Parameter runningMean;
    private final Parameter runningVar;

    public BatchNorm2d(int channels) {
        Shape s = new Shape(channels);
        weight = trainable("weight", s, Initializers.constant(1));
        bias = trainable("bias", s, Initializers.constant(0));
        runningMean = buffer("running_mean", s, Initializers.constant(0));
        runningVar = buffer("running_var", s, Initializers.constant(1));
    }

    /** {@inheritDoc} */
    @Override
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return BatchNorm.batchNorm(
                        x,
                        value(ps, runningMean, x, training),
                        value(ps, runningVar, x, training),
                        value(ps, weight, x, training),
                        value(ps, bias, x, training),
                        1,
                        DJL_MOMENTUM,
                        EPS,
                        training)
                .singletonOrThrow();
    }
}
