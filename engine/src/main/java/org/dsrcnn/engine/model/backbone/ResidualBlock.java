package org.dsrcnn.engine.model.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.dsrcnn.engine.model.layers.Module;

/**
 * One residual block of a ResNet stage: relu(F(x) + shortcut(x)), where the shortcut is a 1x1
 * {@link ConvNorm} when the channel count changes, else the identity (detectron2's rule).
 *
 * <p>{@link #basic} is the two-3x3 block of ResNet-18/34; {@link #bottleneck} is the 1x1-3x3-1x1
 * block of ResNet-50/101 with the stride on the 3x3 conv (torchvision style, detectron2 {@code
 * STRIDE_IN_1X1=False}).
 */
public final class ResidualBlock extends Module {

    private final ConvNorm[] convs;
    private final ConvNorm shortcut;

    private ResidualBlock(ConvNorm[] convs, ConvNorm shortcut) {
        this.convs = convs;
        for (int i = 0; i < convs.length; i++) {
            register("conv" + (i + 1), convs[i]);
        }
        this.shortcut = shortcut == null ? null : register("shortcut", shortcut);
    }

    /** 3x3 (stride) -> norm -> relu -> 3x3 -> norm, in -> out channels. */
    public static ResidualBlock basic(int in, int out, int stride, String norm, int gnGroups) {
        return new ResidualBlock(
                new ConvNorm[] {
                    new ConvNorm(in, out, 3, stride, norm, gnGroups),
                    new ConvNorm(out, out, 3, 1, norm, gnGroups)
                },
                shortcutFor(in, out, stride, norm, gnGroups));
    }

    /** 1x1 -> norm -> relu -> 3x3 (stride) -> norm -> relu -> 1x1 -> norm, in -> mid -> out. */
    public static ResidualBlock bottleneck(
            int in, int mid, int out, int stride, String norm, int gnGroups) {
        return new ResidualBlock(
                new ConvNorm[] {
                    new ConvNorm(in, mid, 1, 1, norm, gnGroups),
                    new ConvNorm(mid, mid, 3, stride, norm, gnGroups),
                    new ConvNorm(mid, out, 1, 1, norm, gnGroups)
                },
                shortcutFor(in, out, stride, norm, gnGroups));
    }

    private static ConvNorm shortcutFor(int in, int out, int stride, String norm, int gnGroups) {
        if (in == out && stride == 1) {
            return null;
        }
        return new ConvNorm(in, out, 1, stride, norm, gnGroups);
    }

    /**
     * @param x (B, in, H, W)
     * @return (B, out, H / stride, W / stride)
     */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = x;
        for (int i = 0; i < convs.length; i++) {
            y = convs[i].forward(ps, y, training);
            if (i < convs.length - 1) {
                y = Activation.relu(y);
            }
        }
        NDArray identity = shortcut == null ? x : shortcut.forward(ps, x, training);
        return Activation.relu(y.add(identity));
    }
}
