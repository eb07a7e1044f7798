package org.dsrcnn.engine.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Every hyper-parameter of a Dynamic Sparse R-CNN model, its assignment, loss, input pipeline and
 * training schedule, named in one place (detectron2's "one config" rule). Presets live in
 * {@code assets/configs/*.json} and are read by {@link Presets}.
 *
 * <p>The Sparse R-CNN baseline is the same code with {@code proposals.dynamic = false} and
 * {@code matcher.type = "hungarian"}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record DsrcnnConfig(
        String name,
        Backbone backbone,
        Proposals proposals,
        Head head,
        Input input,
        Matcher matcher,
        Loss loss,
        Inference inference,
        Solver solver) {

    /** ResNet + FPN. */
    public record Backbone(
            /** 18, 34, 50 or 101. */
            int depth,
            /** channels of the stem and of res2's 3x3 convs: 64 for the standard ResNet. */
            int baseWidth,
            /** "frozen_bn" (pretrained weights), "bn" (trainable batch norm) or "gn" (group norm). */
            String norm,
            /** groups for "gn". */
            int gnGroups,
            /** FPN output channels (256 in the paper); must equal {@code head.hiddenDim}. */
            int fpnChannels) {}

    /** Learned static proposals (Sparse R-CNN) or Dynamic Proposal Generation (paper §3.3). */
    public record Proposals(
            /** N_p. */
            int count,
            /** true: DPG with experts; false: one learned set (baseline). */
            boolean dynamic,
            /** N_e experts. */
            int experts,
            /** side of the staircase output grid (30 in the paper: 30x30 = 900 inputs to the first FC). */
            int gridSize,
            /** width of the first FC of the expert-weight network (1500 in the paper). */
            int weightHidden,
            /** "whole_image" (0.5,0.5,1,1) or "random" (U(0,1) centres and sizes, jittered per expert). */
            String boxInit,
            /** softmax temperature at the start of training. */
            double tauStart,
            /** temperature after annealing, and at inference. */
            double tauEnd,
            /** fraction of the iterations over which tau falls linearly from tauStart to tauEnd. */
            double tauAnnealFraction,
            /**
             * what feeds the expert-weight network's first FC: "raw" (the paper's literal text: the
             * sum of the staircase's 4C channels, resized to G x G) or "standardized" (that map
             * standardised per image to zero mean and unit variance over its G^2 cells). See
             * {@code model/proposals/Staircase.java} for why; configs written before this key
             * existed mean "raw".
             */
            String weightInput) {

        /** The values of {@link #weightInput}. */
        public static final java.util.List<String> WEIGHT_INPUTS = java.util.List.of("raw", "standardized");
    }

    /** The dynamic head: T stages of (RoIAlign, self-attention, DynamicConv, FFN, cls/reg towers). */
    public record Head(
            int stages,
            int hiddenDim,
            int heads,
            int feedforward,
            int dimDynamic,
            int numDynamic,
            int poolerResolution,
            int samplingRatio,
            int clsLayers,
            int regLayers,
            double priorProb,
            /** delta weights (wx, wy, ww, wh). */
            List<Double> boxWeights,
            /** max clamp of dw, dh: log(100000 / 16). */
            double scaleClamp,
            int numClasses) {}

    /** Image pipeline. */
    public record Input(
            /** shorter sides sampled at training time. */
            List<Integer> trainShortSides,
            int trainMaxSize,
            int testShortSide,
            int testMaxSize,
            int sizeDivisibility,
            boolean horizontalFlip,
            List<Double> pixelMean,
            List<Double> pixelStd) {}

    /** Label assignment (paper §3.2). */
    public record Matcher(
            /** "hungarian" (Sparse R-CNN) or "ota" (DLA). */
            String type,
            /** "dynamic" or an integer k as text. */
            String k,
            int q,
            boolean unitIncreasing,
            double unitStep,
            /** at most this fraction of the predictions may be positive. */
            double positiveCap,
            double sinkhornEps,
            int sinkhornIters) {}

    /** Set criterion weights. */
    public record Loss(
            double clsWeight,
            double l1Weight,
            double giouWeight,
            double focalAlpha,
            double focalGamma) {}

    /** Post-processing. */
    public record Inference(
            /** class-aware NMS (the paper applies it to DLA-trained models). */
            boolean nms,
            double nmsIou,
            /** detections kept per image. */
            int topK,
            double scoreThreshold) {}

    /** Optimiser and schedule. */
    public record Solver(
            double lr,
            double weightDecay,
            double beta1,
            double beta2,
            double clipNorm,
            int batchSize,
            int maxIters,
            int warmupIters,
            double warmupFactor,
            List<Integer> steps,
            double gamma,
            int checkpointPeriod,
            int evalPeriod,
            long seed) {}

    /** True when the matcher is OTA (dynamic label assignment). */
    public boolean usesOta() {
        return "ota".equals(matcher.type());
    }
}
