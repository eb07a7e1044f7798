package org.dsrcnn.engine.loss;

import org.dsrcnn.engine.ndarray.Scalars;
import ai.djl.nn.Activation;
import ai.djl.ndarray.NDArray;

/**
 * Sigmoid focal loss (Lin et al. 2017, fvcore's {@code sigmoid_focal_loss}) element by element:
 *
 * <pre>
 * p = sigmoid(x);  ce = BCE-with-logits(x, t) = softplus(x) - x t
 * p_t = p t + (1-p)(1-t);  alpha_t = alpha t + (1-alpha)(1-t)
 * loss = alpha_t * ce * (1 - p_t)^gamma
 * </pre>
 *
 * For binary targets {@code 1 - p_t = p + t (1 - 2p)} and {@code alpha_t = (1-alpha) + t (2 alpha - 1)},
 * which is what is computed (11 ops for gamma = 2). softplus keeps ce finite for any logit.
 */
public final class SigmoidFocalLoss {

    private SigmoidFocalLoss() {}

    /**
     * @param logits any shape, e.g. (T, B, N, K)
     * @param targets same shape, 0 or 1 (one-hot GT class; all-zero rows for background)
     * @return the element-wise loss, same shape (sum it for Sparse R-CNN's summed loss)
     */
    public static NDArray elementwise(NDArray logits, NDArray targets, double alpha, double gamma) {
        NDArray p = Activation.sigmoid(logits);
        NDArray ce = Activation.softPlus(logits).sub(logits.mul(targets));
        NDArray oneMinusPt = p.add(targets.mul(Scalars.mul(p, -2f).add(1f)));
        NDArray modulator = gamma == 2.0 ? oneMinusPt.square() : Scalars.pow(oneMinusPt, (float) gamma);
        NDArray alphaT = Scalars.mul(targets, (float) (2 * alpha - 1)).add((float) (1 - alpha));
        return ce.mul(modulator).mul(alphaT);
    }
}
