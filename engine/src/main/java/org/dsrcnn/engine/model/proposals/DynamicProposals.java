package org.dsrcnn.engine.model.proposals;

import org.dsrcnn.engine.ndarray.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.layers.Initializers;
import org.dsrcnn.engine.model.layers.LinearLayer;
import org.dsrcnn.engine.model.layers.Module;

/**
 * Dynamic Proposal Generation (paper §3.3, Eq. 3): N_e experts, each a full proposal set ({@code
 * expert_boxes} (Ne, N, 4) normalised cxcywh, {@code expert_features} (Ne, N, C) ~ N(0, 1)), are
 * mixed per image and per proposal by weights W = softmax(z / tau) over the experts, where
 *
 * <pre>
 *   z = fc2(relu(fc1(staircase(P2..P5))))    (B, Ne N) read as (B, N, Ne)
 *   box_j  = sum_e W[b, j, e] expert_boxes[e, j]
 *   feat_j = sum_e W[b, j, e] expert_features[e, j]
 * </pre>
 *
 * fc1: G^2 -> weightHidden, Xavier uniform weights, zero bias; fc2: weightHidden -> Ne N, zero
 * weights and bias, so the first mix is uniform over the experts (as dynamic convolution starts
 * near-uniform; a departure from the paper, which does not say how these layers start: with Xavier
 * fc2 the initial logits already differ by several units and, with the raw staircase input, the
 * softmax starts one-hot; see {@link Staircase}). tau starts at {@code proposals.tauEnd} (the inference value); the trainer anneals it with
 * {@link #setTemperature}. Expert boxes start as described in {@link ExpertBoxInit} (jitter 0.1 for
 * random, 0.05 for whole_image).
 */
public final class DynamicProposals extends Proposals {

    private final int count;
    private final int experts;
    private final int dim;
    private final Parameter expertBoxes;
    private final Parameter expertFeatures;
    private final Staircase staircase;
    private final WeightNet weightNet;
    private volatile double temperature;

    public DynamicProposals(DsrcnnConfig.Proposals cfg, int dim) {
        if (cfg.count() <= 0 || cfg.experts() <= 0) {
            throw new IllegalArgumentException(
                    "proposals.count and proposals.experts must be positive, got " + cfg.count() + ", "
                            + cfg.experts());
        }
        this.count = cfg.count();
        this.experts = cfg.experts();
        this.dim = dim;
        boolean random = isRandomInit(cfg.boxInit());
        expertBoxes =
                trainable(
                        "expert_boxes",
                        new Shape(experts, count, 4),
                        random ? ExpertBoxInit.random(0.1) : ExpertBoxInit.wholeImage(0.05));
        expertFeatures = trainable("expert_features", new Shape(experts, count, dim), Initializers.standardNormal());
        String input = cfg.weightInput();
        if (!DsrcnnConfig.Proposals.WEIGHT_INPUTS.contains(input)) {
            throw new IllegalArgumentException("proposals.weightInput must be one of "
                    + DsrcnnConfig.Proposals.WEIGHT_INPUTS + ", got " + input);
        }
        staircase = register("staircase", new Staircase(dim, cfg.gridSize(), "standardized".equals(input)));
        weightNet =
                register(
                        "weight_net",
                        new WeightNet(cfg.gridSize() * cfg.gridSize(), cfg.weightHidden(), experts * count));
        setTemperature(cfg.tauEnd());
    }

    /** {@inheritDoc} */
    @Override
    public void setTemperature(double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("DPG temperature must be a positive number, got " + tau);
        }
        temperature = tau;
    }

    /** {@inheritDoc} */
    @Override
    public double temperature() {
        return temperature;
    }

    /** {@inheritDoc} */
    @Override
    public ProposalSet forward(ParameterStore ps, NDArray[] pyramid, NDArray imageWhwh, boolean training) {
        long b = imageWhwh.getShape().get(0);
        NDArray logits = weightNet.forward(ps, staircase.forward(ps, pyramid, training), training);
        NDArray weights = Scalars.div(logits.reshape(b, count, experts), (float) temperature).softmax(-1);
        NDArray mix = weights.expandDims(2); // (B, N, 1, Ne)
        NDArray unitExperts = value(ps, expertBoxes, imageWhwh, training);
        NDArray boxesByProposal = scoped(unitExperts.transpose(1, 0, 2), imageWhwh); // (N, Ne, 4)
        NDArray featuresByProposal =
                scoped(value(ps, expertFeatures, imageWhwh, training).transpose(1, 0, 2), imageWhwh);
        NDArray boxes = mix.matMul(boxesByProposal).reshape(b, count, 4);
        NDArray features = mix.matMul(featuresByProposal).reshape(b, count, dim);
        NDArray expertPixels = toPixels(scoped(unitExperts.expandDims(0), imageWhwh), imageWhwh);
        return new ProposalSet(toPixels(boxes, imageWhwh), features, weights, expertPixels);
    }

    /** fc1 -> ReLU -> fc2, named {@code fc1}, {@code fc2}. */
    private static final class WeightNet extends Module {
        private final LinearLayer fc1;
        private final LinearLayer fc2;

        WeightNet(int in, int hidden, int out) {
            fc1 = register("fc1", new LinearLayer(in, hidden, true, Initializers.xavierUniform(), Initializers.constant(0)));
            fc2 = register("fc2", new LinearLayer(hidden, out, true, Initializers.constant(0), Initializers.constant(0)));
        }

        /** (B, in) -> (B, out). */
        NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            return fc2.forward(ps, Activation.relu(fc1.forward(ps, x, training)), training);
        }
    }
}
