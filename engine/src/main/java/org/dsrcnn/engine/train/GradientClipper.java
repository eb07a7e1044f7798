package org.dsrcnn.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * Full-model gradient-norm clipping (Sparse R-CNN's {@code clip_grad_norm_} with max norm 1.0): the
 * factor {@code min(1, maxNorm / ||g||)} by which every gradient is scaled, where ||g|| is the L2
 * norm of all gradients concatenated.
 */
public final class GradientClipper {
    private GradientClipper() {}

    /** The global L2 norm of all gradients of trainable parameters. */
    public static double globalNorm(Map<String, Parameter> parameters) {
        NDList squares = new NDList();
        for (Parameter p : parameters.values()) {
            if (p.requiresGradient() && p.isInitialized()) {
                squares.add(p.getArray().getGradient().square().sum());
            }
        }
        if (squares.isEmpty()) {
            return 0;
        }
        NDArray total = NDArrays.stack(squares).sum();
        return Math.sqrt(total.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble());
    }

    /** The scale factor for gradients of norm {@code norm} under max norm {@code maxNorm}. */
    public static double scale(double norm, double maxNorm) {
        if (!(norm > maxNorm) || maxNorm <= 0) {
            return 1.0;
        }
        return maxNorm / (norm + 1e-6);
    }
}
