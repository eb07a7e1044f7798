package org.dsrcnn.engine.model.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.layers.Module;

/**
 * ResNet body returning C2..C5 (strides 4, 8, 16, 32), detectron2 layout: {@code stem} (7x7/2 conv
 * + norm + relu + 3x3/2 max-pool) and stages {@code res2..res5} of residual blocks; the first block
 * of res3..res5 has stride 2. Depth 18/34 use basic blocks, 50/101 bottlenecks. All channel counts
 * scale with {@code baseWidth} (64 = the standard network).
 *
 * <p>Parameter names: {@code stem.conv1.weight}, {@code stem.conv1.norm.*}, {@code
 * res2.0.conv1.weight}, {@code res2.0.shortcut.weight}, ...
 */
public final class ResNet extends Module {

    private final ConvNorm stem;
    private final List<List<ResidualBlock>> stages = new ArrayList<>();
    private final int[] outChannels = new int[4];

    public ResNet(DsrcnnConfig.Backbone cfg) {
        int[] blocks = blocksPerStage(cfg.depth());
        boolean bottleneck = cfg.depth() >= 50;
        int w = cfg.baseWidth();
        if (w <= 0) {
            throw new IllegalArgumentException("backbone.baseWidth must be positive, got " + w);
        }
        stem = register("stem", new Stem(new ConvNorm(3, w, 7, 2, cfg.norm(), cfg.gnGroups()))).conv1;
        int in = w;
        for (int s = 0; s < 4; s++) {
            int mid = w << s;
            int out = bottleneck ? 4 * mid : mid;
            StageModule stage = register("res" + (s + 2), new StageModule());
            List<ResidualBlock> list = new ArrayList<>();
            for (int b = 0; b < blocks[s]; b++) {
                int stride = (b == 0 && s > 0) ? 2 : 1;
                ResidualBlock block =
                        bottleneck
                                ? ResidualBlock.bottleneck(in, mid, out, stride, cfg.norm(), cfg.gnGroups())
                                : ResidualBlock.basic(in, out, stride, cfg.norm(), cfg.gnGroups());
                list.add(stage.add(b, block));
                in = out;
            }
            stages.add(list);
            outChannels[s] = out;
        }
    }

    /** Residual blocks per stage for a supported depth. */
    static int[] blocksPerStage(int depth) {
        switch (depth) {
            case 18:
                return new int[] {2, 2, 2, 2};
            case 34:
            case 50:
                return new int[] {3, 4, 6, 3};
            case 101:
                return new int[] {3, 4, 23, 3};
            default:
                throw new IllegalArgumentException(
                        "backbone.depth " + depth + " is not supported (18, 34, 50 or 101)");
        }
    }

    /** Channels of C2..C5. */
    public int[] outChannels() {
        return outChannels.clone();
    }

    /**
     * @param images (B, 3, H, W) normalised, H and W multiples of 32
     * @return C2..C5: (B, c_i, H / 2^(i), W / 2^(i)) for i = 2..5
     */
    public NDArray[] forward(ParameterStore ps, NDArray images, boolean training) {
        NDArray x = Activation.relu(stem.forward(ps, images, training));
        x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
        NDArray[] out = new NDArray[4];
        for (int s = 0; s < 4; s++) {
            for (ResidualBlock block : stages.get(s)) {
                x = block.forward(ps, x, training);
            }
            out[s] = x;
        }
        return out;
    }

    /** Container naming the stem's conv {@code conv1}, as detectron2 does. */
    private static final class Stem extends Module {
        final ConvNorm conv1;

        Stem(ConvNorm conv1) {
            this.conv1 = register("conv1", conv1);
        }
    }

    /** Container naming a stage's blocks 0, 1, 2, ... */
    private static final class StageModule extends Module {
        ResidualBlock add(int index, ResidualBlock block) {
            return register(Integer.toString(index), block);
        }
    }
}
