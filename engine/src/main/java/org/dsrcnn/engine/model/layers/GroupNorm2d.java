package org.dsrcnn.engine.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/**
 * Group norm, as {@code torch.nn.GroupNorm(groups, C)} (eps 1e-5): each sample's channels are split
 * into groups, each group is normalised over its channels and pixels, then a per-channel affine map
 * is applied. DJL has no group norm; it is written as a native layer norm over the reshaped (B, G,
 * C/G*H*W) tensor (same biased variance), followed by the affine map.
 */
public final class GroupNorm2d extends Norm2d {

    private static final float EPS = 1e-5f;
    private final int channels;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;

    public GroupNorm2d(int channels, int groups) {
        if (groups <= 0 || channels % groups != 0) {
            throw new IllegalArgumentException(
                    "group norm: " + channels + " channels are not divisible into " + groups + " groups");
        }
        this.channels = channels;
        this.groups = groups;
        Shape s = new Shape(channels);
        weight = trainable("weight", s, Initializers.constant(1));
        bias = trainable("bias", s, Initializers.constant(0));
    }

    /** {@inheritDoc} */
    @Override
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        Shape shape = x.getShape();
        long b = shape.get(0);
        long perGroup = shape.size() / (b * groups);
        NDManager m = x.getManager();
        // the engine's layer norm wants an affine pair of the normalised shape: identity ones
        NDArray ones = m.ones(new Shape(perGroup), x.getDataType(), x.getDevice());
        NDArray zeros = m.zeros(new Shape(perGroup), x.getDataType(), x.getDevice());
        NDArray normed =
                LayerNorm.layerNorm(x.reshape(b, groups, perGroup), new Shape(perGroup), ones, zeros, EPS)
                        .singletonOrThrow()
                        .reshape(shape);
        NDArray w = scoped(value(ps, weight, x, training).reshape(1, channels, 1, 1), x);
        NDArray c = scoped(value(ps, bias, x, training).reshape(1, channels, 1, 1), x);
        return normed.mul(w).add(c);
    }
}
