package org.dsrcnn.engine.model.proposals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.layers.Initializers;

/**
 * Sparse R-CNN's learned proposals: {@code boxes} (N, 4) normalised cxcywh, initialised to the whole
 * image (0.5, 0.5, 1, 1) or, with {@code boxInit = random}, to U(0, 1) centres and sizes; and {@code
 * features} (N, C) ~ N(0, 1). The same set is used for every image, scaled to its size.
 */
public final class StaticProposals extends Proposals {

    private final int count;
    private final int dim;
    private final Parameter boxes;
    private final Parameter features;

    public StaticProposals(DsrcnnConfig.Proposals cfg, int dim) {
        if (cfg.count() <= 0) {
            throw new IllegalArgumentException("proposals.count must be positive, got " + cfg.count());
        }
        this.count = cfg.count();
        this.dim = dim;
        boxes =
                trainable(
                        "boxes",
                        new Shape(count, 4),
                        isRandomInit(cfg.boxInit()) ? ExpertBoxInit.random(0) : ExpertBoxInit.wholeImage(0));
        features = trainable("features", new Shape(count, dim), Initializers.standardNormal());
    }

    /** {@inheritDoc} */
    @Override
    public ProposalSet forward(ParameterStore ps, NDArray[] pyramid, NDArray imageWhwh, boolean training) {
        long b = imageWhwh.getShape().get(0);
        NDArray unitBoxes = scoped(value(ps, boxes, imageWhwh, training).expandDims(0), imageWhwh);
        NDArray feats =
                scoped(value(ps, features, imageWhwh, training).expandDims(0), imageWhwh)
                        .broadcast(new Shape(b, count, dim));
        return new ProposalSet(toPixels(unitBoxes, imageWhwh), feats, null, null);
    }
}
