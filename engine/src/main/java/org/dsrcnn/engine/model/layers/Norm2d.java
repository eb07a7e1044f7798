package org.dsrcnn.engine.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Locale;

/** A per-channel normalisation of NCHW maps, as chosen by {@code backbone.norm}. */
public abstract class Norm2d extends Module {

    /**
     * @param x (B, C, H, W)
     * @return (B, C, H, W)
     */
    public abstract NDArray forward(ParameterStore ps, NDArray x, boolean training);

    /**
     * The norm named by the config: {@code frozen_bn}, {@code bn} or {@code gn}.
     *
     * @param groups groups of {@code gn} (must divide {@code channels})
     */
    public static Norm2d create(String kind, int channels, int groups) {
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "frozen_bn":
                return new FrozenBatchNorm2d(channels);
            case "bn":
                return new BatchNorm2d(channels);
            case "gn":
                return new GroupNorm2d(channels, groups);
            default:
                throw new IllegalArgumentException(
                        "unknown backbone.norm '" + kind + "' (expected frozen_bn, bn or gn)");
        }
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
