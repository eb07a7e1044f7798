package org.dsrcnn.engine.model.proposals;

import org.dsrcnn.engine.ndarray.HostArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Initial proposal boxes (normalised cxcywh) for one set (shape (N, 4)) or N_e expert sets (shape
 * (Ne, N, 4)). The paper does not say how experts start; identical experts would make mixing their
 * boxes meaningless, so each expert is a common base set plus its own jitter:
 *
 * <ul>
 *   <li>{@link #wholeImage}: base (0.5, 0.5, 1, 1); jitter U(-j, j) on every coordinate;
 *   <li>{@link #random}: base centres and sizes U(0, 1) (Sparse R-CNN paper, Fig. 5); jitter U(-j,
 *       j).
 * </ul>
 *
 * Centres are then clamped to [0, 1] and sizes to [0.02, 1] so no box starts empty. Draws come from
 * the engine's generator (seedable).
 */
final class ExpertBoxInit {

    private static final float MIN_SIZE = 0.02f;

    private ExpertBoxInit() {}

    /** Whole-image boxes, each expert jittered by U(-jitter, jitter). */
    static Initializer wholeImage(double jitter) {
        return (m, s, t) -> build(m, s, t, false, jitter);
    }

    /** U(0, 1) base boxes, each expert jittered by U(-jitter, jitter). */
    static Initializer random(double jitter) {
        return (m, s, t) -> build(m, s, t, true, jitter);
    }

    private static NDArray build(NDManager m, Shape shape, DataType type, boolean randomBase, double jitter) {
        long n = shape.get(shape.dimension() - 2);
        long sets = shape.size() / (n * 4);
        float[] base;
        if (randomBase) {
            try (NDArray r = m.randomUniform(0f, 1f, new Shape(n, 4))) {
                base = r.toFloatArray();
            }
        } else {
            base = new float[(int) (n * 4)];
            for (int i = 0; i < n; i++) {
                base[4 * i] = 0.5f;
                base[4 * i + 1] = 0.5f;
                base[4 * i + 2] = 1f;
                base[4 * i + 3] = 1f;
            }
        }
        float[] noise;
        try (NDArray r = m.randomUniform((float) -jitter, (float) jitter, new Shape(sets, n, 4))) {
            noise = jitter == 0 ? new float[(int) (sets * n * 4)] : r.toFloatArray();
        }
        float[] out = new float[noise.length];
        for (int k = 0; k < out.length; k++) {
            float v = base[(int) (k % (n * 4))] + noise[k];
            boolean size = k % 4 >= 2;
            out[k] = Math.min(1f, Math.max(size ? MIN_SIZE : 0f, v));
        }
        return HostArrays.owned(m, out, shape).toType(type, false);
    }
}
