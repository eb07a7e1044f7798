package org.dsrcnn.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.backbone.ResNet;

/** A human-readable description of a built (not necessarily initialised) {@link SparseRcnn}. */
public final class ModelSummary {

    private ModelSummary() {}

    /** Architecture lines, then trainable parameters per part, ending with {@code parameters: N}. */
    public static List<String> lines(SparseRcnn model) {
        DsrcnnConfig c = model.config();
        DsrcnnConfig.Backbone b = c.backbone();
        DsrcnnConfig.Proposals p = c.proposals();
        DsrcnnConfig.Head h = c.head();
        List<String> out = new ArrayList<>();
        int[] ch = new ResNet(b).outChannels();
        out.add("config: " + c.name());
        out.add(String.format(Locale.ROOT,
                "backbone: ResNet-%d (%s blocks), base width %d, norm %s%s; C2..C5 channels %d/%d/%d/%d",
                b.depth(), b.depth() >= 50 ? "bottleneck" : "basic", b.baseWidth(), b.norm(),
                "gn".equals(b.norm()) ? " (" + b.gnGroups() + " groups)" : "", ch[0], ch[1], ch[2], ch[3]));
        out.add(String.format(Locale.ROOT, "fpn: P2..P5 (strides 4..32), %d channels", b.fpnChannels()));
        if (p.dynamic()) {
            out.add(String.format(Locale.ROOT,
                    "proposals: DPG, %d proposals mixed from %d experts; staircase -> %dx%d grid -> FC %d -> %d"
                            + " -> %d; box init %s; tau %.3g -> %.3g over %.0f%% of training",
                    p.count(), p.experts(), p.gridSize(), p.gridSize(), p.gridSize() * p.gridSize(),
                    p.weightHidden(), p.experts() * p.count(), p.boxInit(), p.tauStart(), p.tauEnd(),
                    100 * p.tauAnnealFraction()));
        } else {
            out.add(String.format(Locale.ROOT, "proposals: %d learned static boxes + features (box init %s)",
                    p.count(), p.boxInit()));
        }
        out.add(String.format(Locale.ROOT,
                "head: %d stages; hidden %d, %d attention heads, FFN %d, dynamic conv %d x %d, RoIAlign %dx%d"
                        + " (sampling ratio %d, aligned), cls %d / reg %d layers, %d classes (focal prior %.3g)",
                h.stages(), h.hiddenDim(), h.heads(), h.feedforward(), h.dimDynamic(), h.numDynamic(),
                h.poolerResolution(), h.poolerResolution(), h.samplingRatio(), h.clsLayers(), h.regLayers(),
                h.numClasses(), h.priorProb()));
        out.add(String.format(Locale.ROOT, "input: test short side %d (max %d), padded to multiples of %d",
                c.input().testShortSide(), c.input().testMaxSize(), c.input().sizeDivisibility()));
        out.add("trainable parameters by part:");
        for (Map.Entry<String, Long> e : model.parameterCountsByPart().entrySet()) {
            out.add(String.format(Locale.ROOT, "  %-10s %,14d", e.getKey(), e.getValue()));
        }
        long all = 0;
        for (var param : model.namedParameters().values()) {
            all += param.getShape().size();
        }
        long trainable = model.countParameters("");
        if (all > trainable) {
            out.add(String.format(Locale.ROOT, "  (plus %,d non-trainable values: frozen/running norm statistics)",
                    all - trainable));
        }
        out.add("parameters: " + trainable);
        return out;
    }
}
