package org.dsrcnn.engine.model.proposals;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.dsrcnn.engine.model.layers.Conv2dLayer;
import org.dsrcnn.engine.model.layers.Initializers;
import org.dsrcnn.engine.model.layers.Module;

/**
 * The staircase of the expert-weight network (paper §3.3, Fig. 3b): going down the pyramid, a
 * depthwise 3x3 stride-2 convolution (+ ReLU) halves the running map, which is then concatenated
 * with the next level:
 *
 * <pre>
 *   x = relu(dw1(P2))              (B, C,  H/8,  W/8)
 *   x = relu(dw2(cat(x, P3)))      (B, 2C, H/16, W/16)
 *   x = relu(dw3(cat(x, P4)))      (B, 3C, H/32, W/32)
 *   x = cat(x, P5)                 (B, 4C, H/32, W/32)
 *   out = resize_{G x G}(sum over the 4C channels of x)    flattened to (B, G^2)
 * </pre>
 *
 * The paper resizes the 4C-channel map and then sums its channels; both are linear, so summing first
 * gives the same result on one channel instead of 4C. Bilinear, align_corners=False. Depthwise
 * weights Xavier uniform, biases 0. Parameters {@code dw1..dw3.{weight,bias}}.
 *
 * <p><b>Standardised output (a departure from the paper's text).</b> The paper feeds that sum to
 * the first FC as it is ({@code proposals.weightInput = "raw"}). The sum runs over 4C channels,
 * 3C of them ReLU outputs, so its cells grow with 4C, the Xavier-initialised FCs turn that into large expert
 * logits, and the softmax over the experts is one-hot almost at once: its gradient underflows and
 * the expert-weight network stops learning. Measured: a tiny model trained 12 iterations with the
 * raw input has mean entropy 1e-11 nats and the same mix on two different images (total variation
 * 3.5e-14; {@code DpgLearnsImageDependenceTest}); the model shipped before this change, 12,000
 * iterations, has entropy 0, the same one-hot pick on all 500 held-out images and stage-0 boxes that
 * do not move between them ({@code dsrcnn dpg-stats}, README "DPG"). With {@code "standardized"}
 * each image's G x G map is shifted and scaled to zero mean and unit variance over its G^2 cells (a
 * LayerNorm without affine parameters, eps 1e-5): the spatial pattern that tells images apart is
 * kept, its overall scale is not.
 */
public final class Staircase extends Module {

    private static final float EPS = 1e-5f;

    private final Conv2dLayer[] depthwise = new Conv2dLayer[3];
    private final int grid;
    private final boolean standardize;

    /**
     * @param channels C of each pyramid level
     * @param grid G
     * @param standardize true: standardise each image's output over its G^2 cells (see above)
     */
    public Staircase(int channels, int grid, boolean standardize) {
        if (grid <= 0) {
            throw new IllegalArgumentException("proposals.gridSize must be positive, got " + grid);
        }
        this.grid = grid;
        this.standardize = standardize;
        for (int i = 0; i < 3; i++) {
            int c = (i + 1) * channels;
            depthwise[i] =
                    register(
                            "dw" + (i + 1),
                            new Conv2dLayer(c, c, 3, 2, 1, c, Initializers.xavierUniform(), Initializers.constant(0)));
        }
    }

    /**
     * @param pyramid P2..P5, (B, C, H_l, W_l)
     * @return (B, G * G)
     */
    public NDArray forward(ParameterStore ps, NDArray[] pyramid, boolean training) {
        NDArray x = Activation.relu(depthwise[0].forward(ps, pyramid[0], training));
        for (int i = 1; i < 3; i++) {
            x = Activation.relu(depthwise[i].forward(ps, x.concat(pyramid[i], 1), training));
        }
        x = x.concat(pyramid[3], 1);
        NDArray summed = x.sum(new int[] {1}); // (B, h, w)
        NDArray resized = BilinearResize.resize(summed, grid, grid);
        NDArray flat = resized.reshape(resized.getShape().get(0), (long) grid * grid);
        return standardize ? standardized(flat) : flat;
    }

    /** (B, G^2) -> each row minus its mean, divided by sqrt(its biased variance + 1e-5). */
    static NDArray standardized(NDArray x) {
        NDArray centred = x.sub(x.mean(new int[] {1}, true));
        NDArray variance = centred.square().mean(new int[] {1}, true);
        return centred.div(variance.add(EPS).sqrt()); // add saves nothing for backward (see Scalars);
    }
}
