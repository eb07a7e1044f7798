package org.dsrcnn.engine.checkpoint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;

/**
 * Reads the architecture of an official Sparse R-CNN checkpoint off its tensor shapes: ResNet depth
 * (blocks per stage, bottleneck or basic) and width (stem channels), FPN channels, number of
 * proposals and hidden size, stages, FFN width, DynamicConv width, RoI size, tower depths and number
 * of classes. The attention head count is not visible in the weights (in_proj is (3C, C) for any
 * count): the official value 8 is used unless the caller says otherwise.
 *
 * <p>The config it returns carries the official test-time settings: shorter side 800, longer at
 * most 1333, RGB pixels normalised with ImageNet mean/std, padding to 32, frozen BN, RoIAlign 7x7
 * aligned with sampling ratio 2, deltas (2, 2, 1, 1) with the log(100000/16) clamp, and detections
 * = the top N (proposal, class) pairs of the last stage without NMS.
 */
final class ArchitectureInference {

    /** The official {@code MODEL.SparseRCNN.NHEADS}. */
    static final int OFFICIAL_HEADS = 8;

    private static final Pattern BLOCK = Pattern.compile("backbone\\.bottom_up\\.res([2-5])\\.(\\d+)\\..*");
    private static final Pattern STAGE = Pattern.compile("head\\.head_series\\.(\\d+)\\..*");

    private ArchitectureInference() {}

    /** @throws IllegalArgumentException naming a key that the inference needs and the file lacks */
    static DsrcnnConfig infer(Map<String, CheckpointTensor> t, int heads, String name) {
        int[] blocks = new int[4];
        for (String key : t.keySet()) {
            Matcher m = BLOCK.matcher(key);
            if (m.matches()) {
                int s = Integer.parseInt(m.group(1)) - 2;
                blocks[s] = Math.max(blocks[s], Integer.parseInt(m.group(2)) + 1);
            }
        }
        boolean bottleneck = t.containsKey("backbone.bottom_up.res2.0.conv3.weight");
        int depth = depth(blocks, bottleneck);
        int baseWidth = (int) need(t, "backbone.bottom_up.stem.conv1.weight", "the ResNet width").dim(0);
        int fpn = (int) need(t, "backbone.fpn_lateral2.weight", "the FPN width").dim(0);
        CheckpointTensor features = need(t, "init_proposal_features.weight", "the number of proposals");
        int proposals = (int) features.dim(0);
        int hidden = (int) features.dim(1);
        TreeSet<Integer> stageIds = new TreeSet<>();
        for (String key : t.keySet()) {
            Matcher m = STAGE.matcher(key);
            if (m.matches()) {
                stageIds.add(Integer.parseInt(m.group(1)));
            }
        }
        if (stageIds.isEmpty()) {
            throw new IllegalArgumentException("no head.head_series.* keys: not a Sparse R-CNN checkpoint");
        }
        int stages = stageIds.last() + 1;
        String s0 = "head.head_series.0.";
        int classes = (int) need(t, s0 + "class_logits.weight", "the number of classes").dim(0);
        long dynamicOut = need(t, s0 + "inst_interact.dynamic_layer.weight", "the DynamicConv width").dim(0);
        int dimDynamic = (int) (dynamicOut / (2L * hidden));
        int feedforward = (int) need(t, s0 + "linear1.weight", "the FFN width").dim(0);
        long flat = need(t, s0 + "inst_interact.out_layer.weight", "the RoI size").dim(1);
        int pooler = (int) Math.round(Math.sqrt(flat / (double) hidden));
        if (dynamicOut != 2L * hidden * dimDynamic || (long) pooler * pooler * hidden != flat) {
            throw new IllegalArgumentException("DynamicConv shapes (" + dynamicOut + ", " + flat
                    + ") do not fit hidden size " + hidden);
        }
        int clsLayers = towerLayers(t, s0 + "cls_module.");
        int regLayers = towerLayers(t, s0 + "reg_module.");

        DsrcnnConfig c = Presets.load("paper-baseline");
        String[][] settings = {
            {"name", name},
            {"backbone.depth", "" + depth}, {"backbone.baseWidth", "" + baseWidth},
            {"backbone.norm", "frozen_bn"}, {"backbone.fpnChannels", "" + fpn},
            {"proposals.count", "" + proposals}, {"proposals.dynamic", "false"}, {"proposals.experts", "1"},
            {"proposals.boxInit", "whole_image"},
            {"head.stages", "" + stages}, {"head.hiddenDim", "" + hidden}, {"head.heads", "" + heads},
            {"head.feedforward", "" + feedforward}, {"head.dimDynamic", "" + dimDynamic},
            {"head.numDynamic", "2"}, {"head.poolerResolution", "" + pooler}, {"head.samplingRatio", "2"},
            {"head.clsLayers", "" + clsLayers}, {"head.regLayers", "" + regLayers}, {"head.priorProb", "0.01"},
            {"head.boxWeights", "[2.0,2.0,1.0,1.0]"}, {"head.scaleClamp", "" + Math.log(100000.0 / 16)},
            {"head.numClasses", "" + classes},
            {"input.testShortSide", "800"}, {"input.testMaxSize", "1333"}, {"input.sizeDivisibility", "32"},
            {"input.pixelMean", "[123.675,116.28,103.53]"}, {"input.pixelStd", "[58.395,57.12,57.375]"},
            {"inference.nms", "false"}, {"inference.topK", "" + proposals}, {"inference.scoreThreshold", "0.0"},
        };
        for (String[] kv : settings) {
            c = Presets.with(c, kv[0], kv[1]);
        }
        return c;
    }

    /** A short human description, e.g. "R-50, FPN 256, 300 proposals, 6 stages, 80 classes". */
    static String describe(DsrcnnConfig c) {
        return String.format(Locale.ROOT, "R-%d (width %d), FPN %d, %d proposals, hidden %d, %d stages, %d classes",
                c.backbone().depth(), c.backbone().baseWidth(), c.backbone().fpnChannels(), c.proposals().count(),
                c.head().hiddenDim(), c.head().stages(), c.head().numClasses());
    }

    private static int depth(int[] blocks, boolean bottleneck) {
        List<Integer> b = List.of(blocks[0], blocks[1], blocks[2], blocks[3]);
        if (b.equals(List.of(2, 2, 2, 2)) && !bottleneck) {
            return 18;
        }
        if (b.equals(List.of(3, 4, 6, 3))) {
            return bottleneck ? 50 : 34;
        }
        if (b.equals(List.of(3, 4, 23, 3)) && bottleneck) {
            return 101;
        }
        throw new IllegalArgumentException("backbone.bottom_up.res2..res5 have " + b + " blocks"
                + (bottleneck ? " (bottleneck)" : " (basic)") + ": not a ResNet-18/34/50/101");
    }

    /** Layers of a [Linear, LayerNorm, ReLU] list: its Linear weights sit at 0, 3, 6, ... */
    private static int towerLayers(Map<String, CheckpointTensor> t, String prefix) {
        int n = 0;
        while (t.containsKey(prefix + (3 * n) + ".weight")) {
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("missing key " + prefix + "0.weight (needed to infer the head towers)");
        }
        return n;
    }

    private static CheckpointTensor need(Map<String, CheckpointTensor> t, String key, String what) {
        CheckpointTensor v = t.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing key " + key + " (needed to infer " + what + ")");
        }
        return v;
    }
}
