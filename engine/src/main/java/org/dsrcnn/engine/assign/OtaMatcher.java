package org.dsrcnn.engine.assign;

import java.util.Arrays;
import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * Dynamic label assignment (paper §3.2): many-to-one assignment by optimal transport, as in OTA.
 *
 * <ul>
 *   <li>Suppliers: the M GT with the {@link MatchingCost} rows, plus a background row of cost 0
 *       (equivalent to OTA's focal-against-zero background: spec §5.1).
 *   <li>Supplies: {@link Supplies} (fixed or dynamic k, unit increasing, the cap); demands: 1 per
 *       prediction.
 *   <li>Plan: {@link Sinkhorn} (log domain, duals initialised to 1, eps and iterations from the
 *       config, no early stop, as OTA).
 *   <li>Decision: each row of the plan divided by its maximum, every prediction to the row with the
 *       largest value (ties to the lower row; the background row is last), so a prediction never
 *       goes to two GT. The comparison is done on log values, so rows whose plan underflows to 0
 *       still compare correctly.
 *   <li>The cap's promise (paper: "at least 20% negative assignments"): the argmax can make more
 *       positives than the supplies hold (a GT with 2.7 units and three equally good predictions
 *       takes all three), so at most floor(cap * N) predictions stay positive; the surplus with the
 *       least mass from their GT in the plan become background. [REC] OTA itself has no such step;
 *       it only acts when the argmax would break the cap ({@link Assignment#capDemoted()}).
 * </ul>
 */
public final class OtaMatcher implements LabelMatcher {

    private final MatchingCost cost;
    private final int fixedK;
    private final int q;
    private final boolean unitIncreasing;
    private final double unitStep;
    private final double positiveCap;
    private final double eps;
    private final int iterations;

    /**
     * @param settings k ("dynamic" or an integer >= 1), q >= 1, unit increasing and its step, the
     *     positive cap in (0, 1], Sinkhorn eps > 0 and iterations >= 1
     * @param weights matching-cost weights and focal parameters
     * @throws IllegalArgumentException with a one-line reason for an invalid setting
     */
    public OtaMatcher(DsrcnnConfig.Matcher settings, DsrcnnConfig.Loss weights) {
        this.cost = new MatchingCost(weights);
        this.fixedK = parseK(settings.k());
        this.q = settings.q();
        this.unitIncreasing = settings.unitIncreasing();
        this.unitStep = settings.unitStep();
        this.positiveCap = settings.positiveCap();
        this.eps = settings.sinkhornEps();
        this.iterations = settings.sinkhornIters();
        if (q < 1) {
            throw new IllegalArgumentException("q must be >= 1, got " + q);
        }
        if (!(unitStep >= 0) || !Double.isFinite(unitStep)) {
            throw new IllegalArgumentException("unit step must be >= 0, got " + unitStep);
        }
        if (!(positiveCap > 0 && positiveCap <= 1)) {
            throw new IllegalArgumentException("positive cap must be in (0, 1], got " + positiveCap);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("sinkhorn eps must be > 0, got " + eps);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("sinkhorn iterations must be >= 1, got " + iterations);
        }
    }

    /** 0 for "dynamic", else the fixed k. */
    static int parseK(String k) {
        if ("dynamic".equals(k)) {
            return 0;
        }
        try {
            int v = Integer.parseInt(k.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new IllegalArgumentException("k must be 'dynamic' or an integer >= 1, got '" + k + "'");
    }

    @Override
    public String name() {
        return "ota";
    }

    @Override
    public Assignment match(MatchProblem problem) {
        int m = problem.numGt();
        int n = problem.numPredictions();
        CostMatrix costs = cost.compute(problem);
        Supplies supplies = Supplies.compute(
                costs.iou(), n, fixedK, q, unitIncreasing, unitStep,
                problem.stage(), problem.stages(), positiveCap);
        int[] gtOfPrediction = new int[n];
        Arrays.fill(gtOfPrediction, -1);
        if (m == 0 || n == 0) {
            double[][] plan = new double[m + 1][n];
            Arrays.fill(plan[m], 1.0); // everything is background
            return new Assignment(name(), gtOfPrediction, costs,
                    Assignment.perGt(problem, costs, gtOfPrediction, supplies), plan, supplies, 0, 0.0, 0);
        }
        double[][] c = new double[m + 1][];
        System.arraycopy(costs.total(), 0, c, 0, m);
        c[m] = new double[n]; // background costs 0
        double[] mu = Arrays.copyOf(supplies.kStar(), m + 1);
        mu[m] = supplies.background();
        double[] nu = new double[n];
        Arrays.fill(nu, 1.0);
        Sinkhorn.Result ot = Sinkhorn.solve(c, mu, nu, eps, iterations, 0.0);

        double[][] logPlan = ot.logPlan();
        double[] rowMax = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logPlan[i]) {
                max = Math.max(max, v);
            }
            rowMax[i] = max;
        }
        for (int j = 0; j < n; j++) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i <= m; i++) {
                double v = logPlan[i][j] - rowMax[i];
                if (v > bestValue) {
                    bestValue = v;
                    best = i;
                }
            }
            gtOfPrediction[j] = best < m ? best : -1;
        }
        int demoted = enforceCap(gtOfPrediction, ot.plan(), (int) Math.floor(positiveCap * n + 1e-9));
        return new Assignment(name(), gtOfPrediction, costs,
                Assignment.perGt(problem, costs, gtOfPrediction, supplies),
                ot.plan(), supplies, ot.iterations(), ot.marginalError(), demoted);
    }

    /**
     * Turns the positives with the least plan mass from their GT into background until at most
     * {@code maxPositives} remain (ties: the higher prediction index goes first).
     *
     * @return how many were turned into background
     */
    static int enforceCap(int[] gtOfPrediction, double[][] plan, int maxPositives) {
        int positives = 0;
        for (int g : gtOfPrediction) {
            if (g >= 0) {
                positives++;
            }
        }
        int surplus = positives - maxPositives;
        if (surplus <= 0) {
            return 0;
        }
        Integer[] order = new Integer[positives];
        int p = 0;
        for (int j = 0; j < gtOfPrediction.length; j++) {
            if (gtOfPrediction[j] >= 0) {
                order[p++] = j;
            }
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(plan[gtOfPrediction[x]][x], plan[gtOfPrediction[y]][y]);
            return c != 0 ? c : Integer.compare(y, x);
        });
        for (int d = 0; d < surplus; d++) {
            gtOfPrediction[order[d]] = -1;
        }
        return surplus;
    }
}
