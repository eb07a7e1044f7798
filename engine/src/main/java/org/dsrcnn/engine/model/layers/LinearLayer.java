package org.dsrcnn.engine.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * y = x W^T + b with W (out, in), as {@code torch.nn.Linear}; parameters {@code weight} and
 * optionally {@code bias}. Default initialisation is PyTorch's (both U(±1/sqrt(in))).
 */
public final class LinearLayer extends Module {

    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    /** PyTorch-default initialised linear layer. */
    public LinearLayer(int in, int out, boolean withBias) {
        this(in, out, withBias, Initializers.kaimingUniform(Math.sqrt(5)), Initializers.defaultBias(in));
    }

    /** Linear layer with the given initialisers ({@code biasInit} ignored without bias). */
    public LinearLayer(int in, int out, boolean withBias, Initializer weightInit, Initializer biasInit) {
        this.in = in;
        this.out = out;
        weight = trainable("weight", new Shape(out, in), weightInit);
        bias = withBias ? trainable("bias", new Shape(out), biasInit) : null;
    }

    /**
     * @param x (..., in)
     * @return (..., out)
     */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray w = value(ps, weight, x, training);
        NDArray b = bias == null ? null : value(ps, bias, x, training);
        return Linear.linear(x, w, b).singletonOrThrow();
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias parameter, or null. */
    public Parameter bias() {
        return bias;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
    }
}
