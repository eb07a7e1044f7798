package org.dsrcnn.engine.eval;

import java.util.List;

/**
 * pycocotools' default box-evaluation parameters ({@code Params.setDetParams}), computed the way
 * {@code numpy.linspace} computes them so that threshold comparisons agree bit for bit (e.g. the
 * 29th recall point is 0.29 but the 58th is 0.5700000000000001, which decides where a recall of
 * exactly 0.57 lands).
 */
final class EvalParams {

    /** T = 10 IoU thresholds 0.50:0.05:0.95. */
    static final double[] IOU_THRESHOLDS = linspace(0.5, 0.95, 10);
    /** R = 101 recall points 0:0.01:1. */
    static final double[] RECALL_THRESHOLDS = linspace(0.0, 1.0, 101);
    /** M = 3 detection caps per image and category, ascending. */
    static final int[] MAX_DETS = {1, 10, 100};
    /** A = 4 area ranges [lo, hi], both ends inclusive: all, small, medium, large. */
    static final double[][] AREA_RANGES = {
        {0, 1e5 * 1e5}, {0, 32 * 32}, {32 * 32, 96 * 96}, {96 * 96, 1e5 * 1e5}
    };
    static final List<String> AREA_LABELS = List.of("all", "small", "medium", "large");

    static final int ALL = 0;
    static final int SMALL = 1;
    static final int MEDIUM = 2;
    static final int LARGE = 3;

    private EvalParams() {}

    /** numpy.linspace(start, stop, num, endpoint=True): i * step + start, last point exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);
        double[] out = new double[num];
        for (int i = 0; i < num; i++) {
            out[i] = i * step + start;
        }
        out[num - 1] = stop;
        return out;
    }
}
