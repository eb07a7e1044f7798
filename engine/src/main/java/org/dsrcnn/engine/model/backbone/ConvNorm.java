package org.dsrcnn.engine.model.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import org.dsrcnn.engine.model.layers.Conv2dLayer;
import org.dsrcnn.engine.model.layers.Initializers;
import org.dsrcnn.engine.model.layers.Module;
import org.dsrcnn.engine.model.layers.Norm2d;

/**
 * A bias-free convolution followed by its norm, detectron2's {@code Conv2d(..., norm=...)}: the
 * parameters are {@code weight} and {@code norm.*}. Weights use detectron2's {@code c2_msra_fill}.
 */
public final class ConvNorm extends Module {

    private final Conv2dLayer conv;
    private final Norm2d norm;

    public ConvNorm(int in, int out, int kernel, int stride, String normKind, int gnGroups) {
        conv =
                register(
                        "",
                        new Conv2dLayer(in, out, kernel, stride, kernel / 2, 1, Initializers.msraFill(), null));
        norm = register("norm", Norm2d.create(normKind, out, gnGroups));
    }

    /**
     * @param x (B, in, H, W)
     * @return (B, out, H / stride, W / stride), normalised, no activation
     */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return norm.forward(ps, conv.forward(ps, x, training), training);
    }
}
