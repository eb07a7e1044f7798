package org.dsrcnn.engine.checkpoint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name translation between this engine's parameters and the official Sparse R-CNN checkpoints
 * (detectron2 layout, PeizeSun/SparseR-CNN):
 *
 * <pre>
 *   backbone.stem.* / backbone.resN.*          backbone.bottom_up.stem.* / backbone.bottom_up.resN.*
 *   fpn.lateralN.* / fpn.outputN.*             backbone.fpn_lateralN.* / backbone.fpn_outputN.*
 *   proposals.boxes / proposals.features       init_proposal_boxes.weight / init_proposal_features.weight
 *   head.stageT.dynamic_conv.*                 head.head_series.(T-1).inst_interact.*
 *   head.stageT.cls_tower.L.linear.weight      head.head_series.(T-1).cls_module.(3L).weight
 *   head.stageT.cls_tower.L.norm.*             head.head_series.(T-1).cls_module.(3L+1).*   (3L+2 is the ReLU)
 *   head.stageT.reg_tower.* likewise           head.head_series.(T-1).reg_module.*
 *   head.stageT.(everything else)              head.head_series.(T-1).(same name)
 * </pre>
 *
 * Both frozen batch norms keep detectron2's buffer names (weight, bias, running_mean, running_var).
 */
final class Detectron2Names {

    private static final Pattern STAGE = Pattern.compile("head\\.stage(\\d+)\\.(.*)");
    private static final Pattern TOWER = Pattern.compile("(cls|reg)_tower\\.(\\d+)\\.(linear|norm)\\.(.*)");
    private static final Pattern FPN = Pattern.compile("fpn\\.(lateral|output)(\\d)\\.(.*)");

    private Detectron2Names() {}

    /** The checkpoint name of one of our parameters. */
    static String of(String ours) {
        if (ours.startsWith("backbone.")) {
            return "backbone.bottom_up." + ours.substring("backbone.".length());
        }
        Matcher fpn = FPN.matcher(ours);
        if (fpn.matches()) {
            return "backbone.fpn_" + fpn.group(1) + fpn.group(2) + "." + fpn.group(3);
        }
        if (ours.equals("proposals.boxes")) {
            return "init_proposal_boxes.weight";
        }
        if (ours.equals("proposals.features")) {
            return "init_proposal_features.weight";
        }
        Matcher stage = STAGE.matcher(ours);
        if (stage.matches()) {
            String prefix = "head.head_series." + (Integer.parseInt(stage.group(1)) - 1) + ".";
            String rest = stage.group(2);
            Matcher tower = TOWER.matcher(rest);
            if (tower.matches()) {
                // nn.Sequential-like list of [Linear, LayerNorm, ReLU] per layer
                int index = 3 * Integer.parseInt(tower.group(2)) + (tower.group(3).equals("linear") ? 0 : 1);
                return prefix + tower.group(1) + "_module." + index + "." + tower.group(4);
            }
            if (rest.startsWith("dynamic_conv.")) {
                return prefix + "inst_interact." + rest.substring("dynamic_conv.".length());
            }
            return prefix + rest;
        }
        throw new IllegalArgumentException("parameter " + ours + " has no counterpart in the official Sparse R-CNN"
                + " (is this a DPG model?)");
    }
}
