package org.dsrcnn.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * AdamW with decoupled weight decay (Loshchilov and Hutter), applied to every trainable parameter,
 * norms and biases included (as Sparse R-CNN does). Its moment estimates are plain named NDArrays
 * so a checkpoint can save them and {@code --resume} continue exactly.
 *
 * <p>The update per parameter w with gradient g (already scaled by the global-norm clip factor):
 * {@code w -= lr*wd*w; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; w -= lr*sqrt(1-b2^t)/(1-b1^t) * m /
 * (sqrt(v) + eps)}. It runs as DJL's fused native Adam kernel (one op per parameter, no autograd).
 */
public final class AdamW implements AutoCloseable {
    private static final float EPS = 1e-8f;

    private final NDManager stateManager;
    private final double weightDecay;
    private final double beta1;
    private final double beta2;
    private final Map<String, NDArray> mean = new LinkedHashMap<>();
    private final Map<String, NDArray> variance = new LinkedHashMap<>();
    private long steps;

    /**
     * @param solver weight decay and betas
     * @param stateManager owns the moment estimates (outlives every iteration scope)
     */
    public AdamW(DsrcnnConfig.Solver solver, NDManager stateManager) {
        this.stateManager = stateManager;
        this.weightDecay = solver.weightDecay();
        this.beta1 = solver.beta1();
        this.beta2 = solver.beta2();
    }

    /** Number of updates applied so far (t in the bias corrections). */
    public long steps() {
        return steps;
    }

    /**
     * Applies one update to every parameter that requires and has a gradient.
     *
     * @param parameters the model's parameters by name
     * @param lr learning rate of this iteration
     * @param gradScale factor applied to every gradient first (the global-norm clip factor, 1 = none)
     */
    public void step(Map<String, Parameter> parameters, double lr, double gradScale) {
        steps++;
        double correction = Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            Parameter p = e.getValue();
            if (!p.requiresGradient() || !p.isInitialized()) {
                continue;
            }
            NDArray weight = p.getArray();
            NDArray grad = weight.getGradient();
            NDArray m = mean.computeIfAbsent(e.getKey(), k -> persistent(weight.zerosLike()));
            NDArray v = variance.computeIfAbsent(e.getKey(), k -> persistent(weight.zerosLike()));
            weight.getNDArrayInternal()
                    .adamUpdate(
                            new NDList(weight, grad, m, v),
                            new NDList(weight),
                            (float) lr,
                            (float) (lr * correction),
                            (float) weightDecay,
                            (float) gradScale,
                            -1f,
                            (float) beta1,
                            (float) beta2,
                            EPS,
                            false,
                            true);
        }
    }

    /** The moment estimates, named {@code m/<param>} and {@code v/<param>}, for a checkpoint. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        mean.forEach((k, a) -> out.put("m/" + k, a));
        variance.forEach((k, a) -> out.put("v/" + k, a));
        return out;
    }

    /** Restores {@link #state()} and the step count from a checkpoint. */
    public void load(Map<String, NDArray> state, long steps) {
        closeState();
        for (Map.Entry<String, NDArray> e : state.entrySet()) {
            String key = e.getKey();
            NDArray copy = persistent(e.getValue().duplicate());
            if (key.startsWith("m/")) {
                mean.put(key.substring(2), copy);
            } else if (key.startsWith("v/")) {
                variance.put(key.substring(2), copy);
            } else {
                throw new IllegalArgumentException("unexpected optimizer state entry: " + key);
            }
        }
        this.steps = steps;
    }

    private NDArray persistent(NDArray a) {
        a.attach(stateManager);
        NDScope.unregister(a);
        return a;
    }

    private void closeState() {
        mean.values().forEach(NDArray::close);
        variance.values().forEach(NDArray::close);
        mean.clear();
        variance.clear();
    }

    @Override
    public void close() {
        closeState();
    }
}
