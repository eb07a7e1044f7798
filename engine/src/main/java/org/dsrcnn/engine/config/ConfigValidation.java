package org.dsrcnn.engine.config;

import java.util.List;
import java.util.Set;

/**
 * The allowed range of every value of a {@link DsrcnnConfig}, checked whenever a config is built
 * (read from a file or a model, or changed with {@code --set}): a NaN learning rate, a period of 0
 * or an NMS IoU of 7 fails at once, with the key, the value and what is allowed, instead of
 * training to an all-NaN checkpoint or dividing by zero an hour later. Relations between keys (FPN
 * width = hidden width, size divisibility a multiple of 32) are the model's to check, because a
 * chain of {@code --set}s passes through configs where they do not hold yet.
 */
public final class ConfigValidation {

    private ConfigValidation() {}

    /**
     * @throws IllegalArgumentException naming the first value outside its range:
     *     {@code solver.lr = NaN: expected a finite number > 0}
     */
    public static void validate(DsrcnnConfig c) {
        require(c.backbone() != null && c.proposals() != null && c.head() != null && c.input() != null
                && c.matcher() != null && c.loss() != null && c.inference() != null && c.solver() != null,
                "config", "incomplete", "all of backbone, proposals, head, input, matcher, loss, inference, solver");
        DsrcnnConfig.Backbone b = c.backbone();
        oneOf("backbone.depth", b.depth(), Set.of(18, 34, 50, 101));
        atLeast("backbone.baseWidth", b.baseWidth(), 1);
        oneOf("backbone.norm", b.norm(), Set.of("frozen_bn", "bn", "gn"));
        atLeast("backbone.gnGroups", b.gnGroups(), 1);
        atLeast("backbone.fpnChannels", b.fpnChannels(), 1);

        DsrcnnConfig.Proposals p = c.proposals();
        atLeast("proposals.count", p.count(), 1);
        atLeast("proposals.experts", p.experts(), 1);
        atLeast("proposals.gridSize", p.gridSize(), 1);
        atLeast("proposals.weightHidden", p.weightHidden(), 1);
        oneOf("proposals.boxInit", p.boxInit(), Set.of("whole_image", "random"));
        positive("proposals.tauStart", p.tauStart());
        positive("proposals.tauEnd", p.tauEnd());
        between("proposals.tauAnnealFraction", p.tauAnnealFraction(), 0, 1);
        oneOf("proposals.weightInput", p.weightInput(), Set.copyOf(DsrcnnConfig.Proposals.WEIGHT_INPUTS));

        DsrcnnConfig.Head h = c.head();
        atLeast("head.stages", h.stages(), 1);
        atLeast("head.hiddenDim", h.hiddenDim(), 1);
        atLeast("head.heads", h.heads(), 1);
        atLeast("head.feedforward", h.feedforward(), 1);
        atLeast("head.dimDynamic", h.dimDynamic(), 1);
        atLeast("head.numDynamic", h.numDynamic(), 1);
        atLeast("head.poolerResolution", h.poolerResolution(), 1);
        atLeast("head.clsLayers", h.clsLayers(), 0);
        atLeast("head.regLayers", h.regLayers(), 0);
        require(h.priorProb() > 0 && h.priorProb() < 1, "head.priorProb", h.priorProb(), "a probability in (0, 1)");
        positiveList("head.boxWeights", h.boxWeights(), 4);
        positive("head.scaleClamp", h.scaleClamp());
        atLeast("head.numClasses", h.numClasses(), 1);

        DsrcnnConfig.Input in = c.input();
        require(in.trainShortSides() != null && !in.trainShortSides().isEmpty()
                && in.trainShortSides().stream().allMatch(s -> s != null && s >= 1),
                "input.trainShortSides", in.trainShortSides(), "a non-empty list of sizes >= 1");
        atLeast("input.trainMaxSize", in.trainMaxSize(), 1);
        atLeast("input.testShortSide", in.testShortSide(), 1);
        atLeast("input.testMaxSize", in.testMaxSize(), 1);
        atLeast("input.sizeDivisibility", in.sizeDivisibility(), 1);
        require(in.pixelMean() != null && in.pixelMean().size() == 3
                && in.pixelMean().stream().allMatch(v -> v != null && Double.isFinite(v)),
                "input.pixelMean", in.pixelMean(), "3 finite numbers (R, G, B)");
        positiveList("input.pixelStd", in.pixelStd(), 3);

        DsrcnnConfig.Matcher m = c.matcher();
        oneOf("matcher.type", m.type(), Set.of("hungarian", "ota"));
        require("dynamic".equals(m.k()) || (m.k() != null && m.k().matches("\\d{1,9}") && Integer.parseInt(m.k()) >= 1),
                "matcher.k", m.k(), "\"dynamic\" or an integer >= 1");
        atLeast("matcher.q", m.q(), 1);
        nonNegative("matcher.unitStep", m.unitStep());
        require(m.positiveCap() > 0 && m.positiveCap() <= 1, "matcher.positiveCap", m.positiveCap(),
                "a fraction in (0, 1]");
        positive("matcher.sinkhornEps", m.sinkhornEps());
        atLeast("matcher.sinkhornIters", m.sinkhornIters(), 1);

        DsrcnnConfig.Loss l = c.loss();
        nonNegative("loss.clsWeight", l.clsWeight());
        nonNegative("loss.l1Weight", l.l1Weight());
        nonNegative("loss.giouWeight", l.giouWeight());
        between("loss.focalAlpha", l.focalAlpha(), 0, 1);
        nonNegative("loss.focalGamma", l.focalGamma());

        DsrcnnConfig.Inference inf = c.inference();
        between("inference.nmsIou", inf.nmsIou(), 0, 1);
        atLeast("inference.topK", inf.topK(), 1);
        between("inference.scoreThreshold", inf.scoreThreshold(), 0, 1);

        DsrcnnConfig.Solver s = c.solver();
        positive("solver.lr", s.lr());
        nonNegative("solver.weightDecay", s.weightDecay());
        require(s.beta1() >= 0 && s.beta1() < 1, "solver.beta1", s.beta1(), "a number in [0, 1)");
        require(s.beta2() >= 0 && s.beta2() < 1, "solver.beta2", s.beta2(), "a number in [0, 1)");
        nonNegative("solver.clipNorm", s.clipNorm());
        atLeast("solver.batchSize", s.batchSize(), 1);
        atLeast("solver.maxIters", s.maxIters(), 1);
        atLeast("solver.warmupIters", s.warmupIters(), 0);
        require(s.warmupFactor() > 0 && s.warmupFactor() <= 1, "solver.warmupFactor", s.warmupFactor(),
                "a factor in (0, 1]");
        require(s.steps() != null && ascending(s.steps()), "solver.steps", s.steps(),
                "a list of iterations >= 1 in increasing order (may be empty)");
        positive("solver.gamma", s.gamma());
        atLeast("solver.checkpointPeriod", s.checkpointPeriod(), 1);
        atLeast("solver.evalPeriod", s.evalPeriod(), 1);
    }

    private static boolean ascending(List<Integer> steps) {
        int previous = 0;
        for (Integer step : steps) {
            if (step == null || step <= previous) {
                return false;
            }
            previous = step;
        }
        return true;
    }

    private static void atLeast(String key, long value, long min) {
        require(value >= min, key, value, "an integer >= " + min);
    }

    private static void positive(String key, double value) {
        require(Double.isFinite(value) && value > 0, key, value, "a finite number > 0");
    }

    private static void nonNegative(String key, double value) {
        require(Double.isFinite(value) && value >= 0, key, value, "a finite number >= 0");
    }

    private static void between(String key, double value, double lo, double hi) {
        require(value >= lo && value <= hi, key, value, "a number in [" + fmt(lo) + ", " + fmt(hi) + "]");
    }

    private static void positiveList(String key, List<Double> values, int size) {
        require(values != null && values.size() == size
                && values.stream().allMatch(v -> v != null && Double.isFinite(v) && v > 0),
                key, values, size + " finite numbers > 0");
    }

    private static <T> void oneOf(String key, T value, Set<T> allowed) {
        require(allowed.contains(value), key, value, "one of " + allowed.stream().map(String::valueOf).sorted().toList());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void require(boolean ok, String key, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(key + " = " + value + ": expected " + expected);
        }
    }
}
