package org.dsrcnn.engine.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Layer norm over the last dimension, as {@code torch.nn.LayerNorm(dim)}: weight 1, bias 0, eps
 * 1e-5.
 */
public final class LayerNormLayer extends Module {

    private static final float EPS = 1e-5f;
    private final int dim;
    private final Parameter weight;
    private final Parameter bias;

    public LayerNormLayer(int dim) {
        this.dim = dim;
        weight = trainable("weight", new Shape(dim), Initializers.constant(1));
        bias = trainable("bias", new Shape(dim), Initializers.constant(0));
    }

    /**
     * @param x (..., dim)
     * @return (..., dim) normalised over the last axis, then scaled and shifted
     */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return LayerNorm.layerNorm(
                        x,
                        new Shape(dim),
                        value(ps, weight, x, training),
                        value(ps, bias, x, training),
                        EPS)
                .singletonOrThrow();
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
        return new Shape[] {inputShapes[0]};
    }
}
