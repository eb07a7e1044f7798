package org.dsrcnn.engine.eval;

import java.util.List;
import org.dsrcnn.engine.data.CocoAnnotation;

/**
 * The greedy matching of one image's detections of one category to its ground truth, for one area
 * range, at every IoU threshold: pycocotools' {@code evaluateImg}.
 *
 * <p>Rules (as pycocotools): detections are visited best score first; each takes the
 * not-yet-matched GT with the highest IoU &gt;= the threshold (a later GT with an equal IoU wins the
 * tie), where crowd GT can be matched any number of times, and regular GT are preferred: once a
 * detection holds a regular GT, the ignored GT (sorted last) are not tried. A detection matched to an
 * ignored GT is ignored; an unmatched detection whose area is outside the range is ignored.
 * Deviation: pycocotools marks matches by annotation id and so loses a match to a GT whose id is 0;
 * here matches are flags.
 */
final class ImageEvaluation {

    /** D scores, best first; D &lt;= the largest maxDets. */
    final double[] dtScores;
    /** [T][D] detection d matched a GT at threshold t. */
    final boolean[][] dtMatched;
    /** [T][D] detection d does not count at threshold t. */
    final boolean[][] dtIgnore;
    /** [G] GT g is ignored (crowd, or area outside the range); in matching order, not file order. */
    final boolean[] gtIgnore;
    /**
     * [T][D] the file-order index (into the {@code gts} given to {@link #match}) of the GT detection
     * d matched at threshold t, or -1: what the app needs to say "TP, IoU 0.83 with that box".
     */
    final int[][] dtGt;

    private ImageEvaluation(double[] dtScores, boolean[][] dtMatched, boolean[][] dtIgnore, boolean[] gtIgnore,
            int[][] dtGt) {
        this.dtScores = dtScores;
        this.dtMatched = dtMatched;
        this.dtIgnore = dtIgnore;
        this.gtIgnore = gtIgnore;
        this.dtGt = dtGt;
    }

    /**
     * @param gts G ground truth annotations of the image and category, in file order
     * @param dts D detections of the image and category, sorted best first (stable) and truncated
     * @param ious (D, G) from {@link BoxIou#matrix}
     * @param areaRange [lo, hi], inclusive
     */
    static ImageEvaluation match(List<CocoAnnotation> gts, List<CocoDetection> dts, double[][] ious, double[] areaRange) {
        double lo = areaRange[0];
        double hi = areaRange[1];
        int numGt = gts.size();
        int numDt = dts.size();
        // GT order: not ignored first, each group in file order (a stable sort on the ignore flag)
        int[] order = new int[numGt];
        boolean[] gtIgnore = new boolean[numGt];
        boolean[] crowd = new boolean[numGt];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int g = 0; g < numGt; g++) {
                CocoAnnotation gt = gts.get(g);
                boolean ignore = gt.crowd() || gt.area() < lo || gt.area() > hi;
                if (ignore == (pass == 1)) {
                    order[next] = g;
                    gtIgnore[next] = ignore;
                    crowd[next] = gt.crowd();
                    next++;
                }
            }
        }
        double[] thresholds = EvalParams.IOU_THRESHOLDS;
        int numT = thresholds.length;
        boolean[][] gtMatched = new boolean[numT][numGt];
        boolean[][] dtMatched = new boolean[numT][numDt];
        boolean[][] dtIgnore = new boolean[numT][numDt];
        int[][] dtGt = new int[numT][numDt];
        for (int[] row : dtGt) {
            java.util.Arrays.fill(row, -1);
        }
        if (numGt > 0 && numDt > 0) {
            for (int t = 0; t < numT; t++) {
                for (int d = 0; d < numDt; d++) {
                    double best = Math.min(thresholds[t], 1 - 1e-10);
                    int m = -1;
                    for (int g = 0; g < numGt; g++) {
                        if (gtMatched[t][g] && !crowd[g]) {
                            continue;
                        }
                        if (m > -1 && !gtIgnore[m] && gtIgnore[g]) {
                            break;
                        }
                        double iou = ious[d][order[g]];
                        if (iou < best) {
                            continue;
                        }
                        best = iou;
                        m = g;
                    }
                    if (m == -1) {
                        continue;
                    }
                    dtIgnore[t][d] = gtIgnore[m];
                    dtMatched[t][d] = true;
                    gtMatched[t][m] = true;
                    dtGt[t][d] = order[m];
                }
            }
        }
        double[] scores = new double[numDt];
        for (int d = 0; d < numDt; d++) {
            CocoDetection dt = dts.get(d);
            scores[d] = dt.score();
            boolean outside = dt.area() < lo || dt.area() > hi;
            for (int t = 0; t < numT; t++) {
                dtIgnore[t][d] |= !dtMatched[t][d] && outside;
            }
        }
        return new ImageEvaluation(scores, dtMatched, dtIgnore, gtIgnore, dtGt);
    }
}
