package org.dsrcnn.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.ndarray.Scalars;

/** Small configs and inputs that keep model tests to a second or two. */
public final class TinyModels {

    private TinyModels() {}

    /** The small preset shrunk further: 16 proposals, width 16, 3 classes, 2 stages unless given. */
    public static DsrcnnConfig tiny(String... overrides) {
        DsrcnnConfig c = Presets.load("small");
        c = Presets.with(c, "backbone.baseWidth", "8");
        c = Presets.with(c, "backbone.fpnChannels", "32");
        c = Presets.with(c, "backbone.gnGroups", "4");
        c = Presets.with(c, "head.hiddenDim", "32");
        c = Presets.with(c, "head.feedforward", "64");
        c = Presets.with(c, "head.dimDynamic", "8");
        c = Presets.with(c, "head.numClasses", "3");
        c = Presets.with(c, "head.stages", "2");
        c = Presets.with(c, "proposals.count", "16");
        c = Presets.with(c, "proposals.gridSize", "6");
        c = Presets.with(c, "proposals.weightHidden", "16");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            c = Presets.with(c, overrides[i], overrides[i + 1]);
        }
        return c;
    }

    /** Random normal images (B, 3, size, size). */
    public static NDArray images(NDManager m, int batch, int size) {
        return m.randomNormal(new Shape(batch, 3, size, size));
    }

    /** (B, 4) image sizes, every image {@code w x h}. */
    public static NDArray whwh(NDManager m, int batch, float w, float h) {
        float[] v = new float[batch * 4];
        for (int b = 0; b < batch; b++) {
            v[4 * b] = w;
            v[4 * b + 1] = h;
            v[4 * b + 2] = w;
            v[4 * b + 3] = h;
        }
        return m.create(v, new Shape(batch, 4));
    }

    /** Sum of squares of all logits plus all boxes (scaled), a scalar touching every output. */
    public static NDArray standInLoss(SparseRcnnOutput out, float boxScale) {
        NDArray loss = null;
        for (StageOutput s : out.stages()) {
            NDArray l = s.logits().square().sum().add(Scalars.div(s.boxes(), boxScale).square().sum());
            loss = loss == null ? l : loss.add(l);
        }
        return loss;
    }

    static float[] copy(float[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
