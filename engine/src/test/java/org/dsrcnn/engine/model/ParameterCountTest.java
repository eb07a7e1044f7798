package org.dsrcnn.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Map;
import org.dsrcnn.engine.config.Presets;
import org.junit.jupiter.api.Test;

/**
 * Parameter counts against the official Sparse R-CNN R-50 numbers, each part re-derived here by hand
 * from the layer shapes (nothing is allocated).
 */
class ParameterCountTest {

    /** Conv weights of a torchvision/detectron2 ResNet-50 (BN and fc excluded), by block arithmetic. */
    private static long resnet50ConvWeights() {
        long total = 3L * 64 * 7 * 7; // stem
        int[] blocks = {3, 4, 6, 3};
        long in = 64;
        for (int s = 0; s < 4; s++) {
            long mid = 64L << s;
            long out = 4 * mid;
            for (int b = 0; b < blocks[s]; b++) {
                total += in * mid + mid * mid * 9 + mid * out;
                if (b == 0) {
                    total += in * out; // projection shortcut
                }
                in = out;
            }
        }
        return total;
    }

    @Test
    void paperBaselineMatchesOfficialSparseRcnnR50With300Proposals() {
        SparseRcnn model = new SparseRcnn(Presets.load("paper-baseline"));
        Map<String, Long> parts = model.parameterCountsByPart();

        // torchvision resnet50: 25,557,032 total - fc 2,049,000 - BN 53,120 = 23,454,912
        assertEquals(23_454_912L, resnet50ConvWeights());
        assertEquals(resnet50ConvWeights(), parts.get("backbone"));

        // FPN: laterals (256+512+1024+2048)*256 + 4*256; outputs 4 * (256*256*9 + 256)
        assertEquals(3_840L * 256 + 4 * 256 + 4 * (256L * 256 * 9 + 256), parts.get("fpn"));
        assertEquals(3_344_384L, parts.get("fpn"));

        // proposals: 300 boxes x 4 + 300 features x 256
        assertEquals(78_000L, parts.get("proposals"));

        // one stage: attention 256*768+768 + 256*256+256; 3 LN 3*512; dynamic_layer 256*32768+32768;
        // DC norms 2*64 + 2*256; out_layer 12544*256+256; DC norm3 512; FFN 256*2048+2048 + 2048*256+256;
        // cls 1 x (256*256 + 512); reg 3 x (256*256 + 512); class_logits 256*80+80; bboxes_delta 256*4+4
        long stage =
                (256L * 768 + 768 + 256 * 256 + 256)
                        + 3 * 512
                        + (256L * 32768 + 32768)
                        + (2 * 64 + 2 * 256)
                        + (12544L * 256 + 256)
                        + 512
                        + (256L * 2048 + 2048 + 2048 * 256 + 256)
                        + (256L * 256 + 512)
                        + 3 * (256L * 256 + 512)
                        + (256L * 80 + 80)
                        + (256L * 4 + 4);
        assertEquals(13_235_412L, stage);
        for (int t = 1; t <= 6; t++) {
            assertEquals(stage, parts.get("stage" + t), "stage" + t);
        }

        long total = model.countParameters("");
        assertEquals(parts.values().stream().mapToLong(Long::longValue).sum(), total);
        // official: 23.45M + 3.34M + 6 x 13.24M + 0.08M = 106.3M; within 1 %
        assertTrue(Math.abs(total - 106.3e6) < 0.01 * 106.3e6, "total " + total);
    }

    @Test
    void dpgAddsTheStaircaseWeightNetAndExpertsOnly() {
        long paper = new SparseRcnn(Presets.load("paper")).countParameters("");
        long baseline = new SparseRcnn(Presets.load("paper-baseline")).countParameters("");
        // experts 4 x 300 x (4 + 256) replace 300 x (4 + 256); depthwise 3x3 on 256, 512, 768 channels
        // with biases; fc1 900 x 1500 + 1500; fc2 1500 x 1200 + 1200
        long added =
                (4L * 300 * 260 - 300 * 260)
                        + (9L * (256 + 512 + 768) + (256 + 512 + 768))
                        + (900L * 1500 + 1500)
                        + (1500L * 1200 + 1200);
        assertEquals(3_402_060L, added);
        assertEquals(added, paper - baseline);
        assertTrue(paper - baseline >= 3_100_000 && paper - baseline <= 3_600_000);
    }

    @Test
    void frozenBatchNormIsNamedButNotTrainable() {
        SparseRcnn model = new SparseRcnn(Presets.load("paper-baseline"));
        Map<String, Parameter> named = model.namedParameters();
        Parameter mean = named.get("backbone.res2.0.conv1.norm.running_mean");
        Parameter gamma = named.get("backbone.stem.conv1.norm.weight");
        assertFalse(mean.requiresGradient());
        assertFalse(gamma.requiresGradient());
        assertTrue(named.get("backbone.res2.0.conv1.weight").requiresGradient());
        assertTrue(named.containsKey("backbone.res2.0.shortcut.weight"));
        assertTrue(named.containsKey("head.stage3.dynamic_conv.dynamic_layer.weight"));
        assertTrue(named.containsKey("head.stage6.self_attn.in_proj_weight"));
        assertTrue(named.containsKey("fpn.lateral5.bias"));
        // Linear weights are (out, in), as in PyTorch
        assertEquals(new Shape(256, 12544), named.get("head.stage1.dynamic_conv.out_layer.weight").getShape());
    }
}
