package org.dsrcnn.engine.model.head;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.layers.Module;
import org.dsrcnn.engine.model.roi.FeaturePyramid;
import org.dsrcnn.engine.model.roi.LevelAssigner;
import org.dsrcnn.engine.model.roi.RoiAlign;

/**
 * T independent {@link RcnnStage}s ({@code stage1..stageT}) run in sequence. Between stages the
 * boxes are detached (each stage learns to refine given boxes) while the object features keep their
 * gradient, as in Sparse R-CNN.
 */
public final class DynamicHead extends Module {

    private final List<RcnnStage> stages = new ArrayList<>();

    public DynamicHead(DsrcnnConfig.Head cfg) {
        if (cfg.stages() <= 0) {
            throw new IllegalArgumentException("head.stages must be positive, got " + cfg.stages());
        }
        RoiAlign roiAlign =
                new RoiAlign(cfg.poolerResolution(), cfg.samplingRatio(), new LevelAssigner(2, 5));
        for (int t = 1; t <= cfg.stages(); t++) {
            stages.add(register("stage" + t, new RcnnStage(cfg, roiAlign)));
        }
    }

    /** Number of stages T. */
    public int stageCount() {
        return stages.size();
    }

    /**
     * @param pyramid P2..P5, pixel-major
     * @param boxes (B, N, 4) proposal boxes, xyxy input pixels
     * @param features (B, N, C) proposal features
     * @param afterStage called with (stage index from 1, its result) as soon as each stage is done
     *     (timing hooks); may be null
     * @return the T stage results, in order
     */
    public List<RcnnStage.Result> forward(
            ParameterStore ps,
            FeaturePyramid pyramid,
            NDArray boxes,
            NDArray features,
            boolean training,
            BiConsumer<Integer, RcnnStage.Result> afterStage) {
        List<RcnnStage.Result> results = new ArrayList<>(stages.size());
        NDArray b = boxes;
        NDArray f = features;
        for (int t = 0; t < stages.size(); t++) {
            RcnnStage.Result r = stages.get(t).forward(ps, pyramid, b, f, training);
            results.add(r);
            if (afterStage != null) {
                afterStage.accept(t + 1, r);
            }
            b = r.boxes().stopGradient();
            f = r.features();
        }
        return results;
    }
}
