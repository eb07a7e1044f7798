package org.dsrcnn.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dsrcnn.engine.data.CocoCategory;

/**
 * pycocotools' {@code eval['precision']} (T,R,K,A,M) and {@code eval['recall']} (T,K,A,M), -1 where
 * nothing was there to find, and the summary numbers read from them.
 */
final class Accumulation {

    final int numT;
    final int numR;
    final int numK;
    final int numA;
    final int numM;
    private final List<CocoCategory> categories;
    private final double[] precision;
    private final double[] recall;

    Accumulation(List<CocoCategory> categories, int numT, int numR, int numK, int numA, int numM) {
        this.categories = categories;
        this.numT = numT;
        this.numR = numR;
        this.numK = numK;
        this.numA = numA;
        this.numM = numM;
        this.precision = new double[numT * numR * numK * numA * numM];
        this.recall = new double[numT * numK * numA * numM];
        Arrays.fill(precision, -1);
        Arrays.fill(recall, -1);
    }

    void setPrecision(int t, int r, int k, int a, int m, double value) {
        precision[(((t * numR + r) * numK + k) * numA + a) * numM + m] = value;
    }

    double precision(int t, int r, int k, int a, int m) {
        return precision[(((t * numR + r) * numK + k) * numA + a) * numM + m];
    }

    void setRecall(int t, int k, int a, int m, double value) {
        recall[((t * numK + k) * numA + a) * numM + m] = value;
    }

    double recall(int t, int k, int a, int m) {
        return recall[((t * numK + k) * numA + a) * numM + m];
    }

    /**
     * Mean precision over the chosen thresholds, all recall points and the chosen categories, values
     * of -1 left out; -1 when all are -1 (pycocotools' {@code _summarize(ap=1)}).
     *
     * @param threshold an index into the IoU thresholds, or -1 for all
     * @param category a label, or -1 for all
     */
    double meanPrecision(int threshold, int category, int area, int maxDetIndex) {
        double sum = 0;
        long n = 0;
        for (int t = 0; t < numT; t++) {
            if (threshold >= 0 && t != threshold) {
                continue;
            }
            for (int r = 0; r < numR; r++) {
                for (int k = 0; k < numK; k++) {
                    if (category >= 0 && k != category) {
                        continue;
                    }
                    double v = precision(t, r, k, area, maxDetIndex);
                    if (v > -1) {
                        sum += v;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    /** Mean recall over all thresholds and categories, -1 left out (pycocotools' {@code _summarize(ap=0)}). */
    double meanRecall(int category, int area, int maxDetIndex) {
        double sum = 0;
        long n = 0;
        for (int t = 0; t < numT; t++) {
            for (int k = 0; k < numK; k++) {
                if (category >= 0 && k != category) {
                    continue;
                }
                double v = recall(t, k, area, maxDetIndex);
                if (v > -1) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    /** The 12 summary numbers and the per-category AP. */
    CocoMetrics metrics() {
        int last = numM - 1;
        int t50 = 0;
        int t75 = 5;
        List<CocoMetrics.CategoryAp> perCategory = new ArrayList<>();
        for (int k = 0; k < numK; k++) {
            CocoCategory c = categories.get(k);
            perCategory.add(new CocoMetrics.CategoryAp(
                    c.id(),
                    c.name(),
                    meanPrecision(-1, k, EvalParams.ALL, last),
                    meanPrecision(t50, k, EvalParams.ALL, last),
                    meanPrecision(t75, k, EvalParams.ALL, last),
                    meanRecall(k, EvalParams.ALL, last)));
        }
        return new CocoMetrics(
                meanPrecision(-1, -1, EvalParams.ALL, last),
                meanPrecision(t50, -1, EvalParams.ALL, last),
                meanPrecision(t75, -1, EvalParams.ALL, last),
                meanPrecision(-1, -1, EvalParams.SMALL, last),
                meanPrecision(-1, -1, EvalParams.MEDIUM, last),
                meanPrecision(-1, -1, EvalParams.LARGE, last),
                meanRecall(-1, EvalParams.ALL, 0),
                meanRecall(-1, EvalParams.ALL, 1),
                meanRecall(-1, EvalParams.ALL, last),
                meanRecall(-1, EvalParams.SMALL, last),
                meanRecall(-1, EvalParams.MEDIUM, last),
                meanRecall(-1, EvalParams.LARGE, last),
                perCategory);
    }
}
