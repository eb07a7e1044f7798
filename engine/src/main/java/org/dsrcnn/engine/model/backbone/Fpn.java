package org.dsrcnn.engine.model.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import org.dsrcnn.engine.model.layers.Conv2dLayer;
import org.dsrcnn.engine.model.layers.Initializers;
import org.dsrcnn.engine.model.layers.Module;

/**
 * Feature pyramid (detectron2 {@code FPN}, no norm): a 1x1 lateral conv per level, top-down path of
 * nearest x2 upsampling plus sum, then a 3x3 output conv per level; all convs have a bias and use
 * {@code c2_xavier_fill} (kaiming uniform, a = 1; bias 0). P6 is not built: the head pools from
 * P2..P5 only.
 *
 * <p>Parameter names: {@code lateral2..5.{weight,bias}}, {@code output2..5.{weight,bias}}.
 */
public final class Fpn extends Module {

    private final Conv2dLayer[] lateral = new Conv2dLayer[4];
    private final Conv2dLayer[] output = new Conv2dLayer[4];

    /**
     * @param inChannels channels of C2..C5
     * @param channels output channels of every level
     */
    public Fpn(int[] inChannels, int channels) {
        for (int i = 0; i < 4; i++) {
            lateral[i] =
                    register(
                            "lateral" + (i + 2),
                            new Conv2dLayer(
                                    inChannels[i], channels, 1, 1, 0, 1,
                                    Initializers.kaimingUniform(1), Initializers.constant(0)));
        }
        for (int i = 0; i < 4; i++) {
            output[i] =
                    register(
                            "output" + (i + 2),
                            new Conv2dLayer(
                                    channels, channels, 3, 1, 1, 1,
                                    Initializers.kaimingUniform(1), Initializers.constant(0)));
        }
    }

    /**
     * @param c C2..C5, (B, c_i, H_i, W_i) with H_i = 2 H_(i+1)
     * @return P2..P5, (B, channels, H_i, W_i)
     */
    public NDArray[] forward(ParameterStore ps, NDArray[] c, boolean training) {
        NDArray[] p = new NDArray[4];
        NDArray topDown = lateral[3].forward(ps, c[3], training);
        p[3] = output[3].forward(ps, topDown, training);
        for (int i = 2; i >= 0; i--) {
            NDArray lat = lateral[i].forward(ps, c[i], training);
            long h = lat.getShape().get(2);
            long w = lat.getShape().get(3);
            // mode 0 = nearest; the sizes are exact doubles because inputs are padded to 32
            NDArray up = topDown.getNDArrayInternal().interpolation(new long[] {h, w}, 0, false);
            topDown = lat.add(up);
            p[i] = output[i].forward(ps, topDown, training);
        }
        return p;
    }
}
