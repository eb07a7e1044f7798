package org.dsrcnn.engine.assign;

/**
 * Entropic optimal transport by Sinkhorn-Knopp, iterate for iterate the log-domain algorithm of the
 * official OTA code ({@code SinkhornDistance}, spec §5.1):
 *
 * <pre>
 * u = 1 (R), v = 1 (C)                                  log-domain duals
 * M_ij = (-C_ij + u_i + v_j) / eps
 * repeat iters:
 *     v_j = eps * (log(nu_j + 1e-8) - logsumexp_i M_ij) + v_j
 *     u_i = eps * (log(mu_i + 1e-8) - logsumexp_j M_ij) + u_i
 * plan = exp(M)
 * </pre>
 *
 * <p>Why not literally: that costs 2 R C calls of {@code exp} per iteration (about 30 ms for 51 x 300 x
 * 50 iterations). Here the duals are split as u = f + eps log a, v = g + eps log b with a kernel
 * K = exp((-C + f + g) / eps) computed once; an iteration is then two matrix-vector products
 * (b = nu / K^T a, a = mu / K b), which are the same iterates in exact arithmetic. When a scaling
 * factor leaves [1e-30, 1e30], or a sum under- or overflows, the factors are absorbed into f, g
 * and the kernel is rebuilt ("stabilised scaling", Schmitzer 2019); a half-step whose sums are
 * unusable is redone exactly in the log domain. So small eps (0.001) stays finite.
 *
 * <p>The loop runs at most {@code maxIters} iterations; with {@code tolerance > 0} it stops early once
 * the plan's largest column-marginal error is below it (the row marginals are exact after each
 * u-update).
 */
public final class Sinkhorn {

    private static final double MARGINAL_EPS = 1e-8;
    private static final double SCALE_LIMIT = 1e30;

    private Sinkhorn() {}

    /**
     * Result of one solve.
     *
     * @param plan (R, C) transport plan exp(M(u, v))
     * @param logPlan (R, C) log of the plan, M(u, v), finite even where the plan underflows to 0
     * @param u (R) row duals, as in the log-domain algorithm
     * @param v (C) column duals
     * @param iterations iterations run (each = one v- and one u-update), at most the cap
     * @param marginalError max over rows and columns of |plan sum - marginal|
     */
    public record Result(
            double[][] plan, double[][] logPlan, double[] u, double[] v, int iterations, double marginalError) {}

    /**
     * Solves min <P, C> - eps H(P) subject to P 1 = mu, P^T 1 = nu.
     *
     * @param cost (R, C) finite costs
     * @param mu (R) row marginals (supplies), >= 0
     * @param nu (C) column marginals (demands), >= 0, same total as mu for an exact solution
     * @param eps entropic regularisation, > 0
     * @param maxIters iteration cap, >= 0
     * @param tolerance stop early when the column-marginal error is below it; 0 runs all iterations
     */
    public static Result solve(
            double[][] cost, double[] mu, double[] nu, double eps, int maxIters, double tolerance) {
        int rows = cost.length;
        int cols = nu.length;
        if (mu.length != rows) {
            throw new IllegalArgumentException("mu has " + mu.length + " entries for " + rows + " rows");
        }
        if (!(eps > 0) || maxIters < 0) {
            throw new IllegalArgumentException("need eps > 0 and iterations >= 0, got " + eps + ", " + maxIters);
        }
        double[] c = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            if (cost[i].length != cols) {
                throw new IllegalArgumentException("cost row " + i + " has " + cost[i].length + " entries, expected " + cols);
            }
            for (int j = 0; j < cols; j++) {
                double x = cost[i][j];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] is not finite: " + x);
                }
                c[i * cols + j] = x;
            }
        }
        double[] logMu = new double[rows];
        double[] logNu = new double[cols];
        double[] muT = new double[rows];
        double[] nuT = new double[cols];
        for (int i = 0; i < rows; i++) {
            muT[i] = mu[i] + MARGINAL_EPS;
            logMu[i] = Math.log(muT[i]);
        }
        for (int j = 0; j < cols; j++) {
            nuT[j] = nu[j] + MARGINAL_EPS;
            logNu[j] = Math.log(nuT[j]);
        }
        State s = new State(c, rows, cols, eps);
        int it = 0;
        double colError = Double.NaN;
        while (it < maxIters) {
            if (tolerance > 0 && it > 0) {
                colError = s.columnError(nu);
                if (colError < tolerance) {
                    break;
                }
            }
            s.updateColumns(nuT, logNu);
            s.updateRows(muT, logMu);
            it++;
        }
        return s.result(mu, nu, it);
    }

    /** Duals u = f + eps log a, v = g + eps log b with the kernel K = exp((-C + f + g) / eps). */
    private static final class State {
        final double[] c;
        final int rows;
        final int cols;
        final double eps;
        final double[] f;
        final double[] g;
        final double[] a;
        final double[] b;
        final double[] kernel;
        final double[] sums;

        State(double[] c, int rows, int cols, double eps) {
            this.c = c;
            this.rows = rows;
            this.cols = cols;
            this.eps = eps;
            f = new double[rows];
            g = new double[cols];
            a = new double[rows];
            b = new double[cols];
            java.util.Arrays.fill(f, 1.0); // OTA initialises both duals to 1
            java.util.Arrays.fill(g, 1.0);
            java.util.Arrays.fill(a, 1.0);
            java.util.Arrays.fill(b, 1.0);
            kernel = new double[rows * cols];
            sums = new double[Math.max(rows, cols)];
            rebuildKernel();
        }

        /** v-update: b_j = nuT_j / sum_i K_ij a_i. */
        void updateColumns(double[] nuT, double[] logNu) {
            java.util.Arrays.fill(sums, 0, cols, 0.0);
            for (int i = 0; i < rows; i++) {
                double ai = a[i];
                int off = i * cols;
                for (int j = 0; j < cols; j++) {
                    sums[j] += kernel[off + j] * ai;
                }
            }
            boolean ok = true;
            for (int j = 0; j < cols; j++) {
                double bj = nuT[j] / sums[j];
                b[j] = bj;
                ok &= bj >= 1 / SCALE_LIMIT && bj <= SCALE_LIMIT; // false for NaN and infinity too
            }
            if (!ok) {
                absorbRows();
                // exact: v_j = eps log nuT_j - eps logsumexp_i (-C_ij + u_i) / eps
                for (int j = 0; j < cols; j++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < rows; i++) {
                        max = Math.max(max, (-c[i * cols + j] + f[i]) / eps);
                    }
                    double sum = 0;
                    for (int i = 0; i < rows; i++) {
                        sum += Math.exp((-c[i * cols + j] + f[i]) / eps - max);
                    }
                    g[j] = rows == 0 ? g[j] : eps * (logNu[j] - max - Math.log(sum));
                    b[j] = 1.0;
                }
                rebuildKernel();
            }
        }

        /** u-update: a_i = muT_i / sum_j K_ij b_j. */
        void updateRows(double[] muT, double[] logMu) {
            boolean ok = true;
            for (int i = 0; i < rows; i++) {
                double ai = muT[i] / dot(kernel, i * cols, b, cols);
                a[i] = ai;
                ok &= ai >= 1 / SCALE_LIMIT && ai <= SCALE_LIMIT;
            }
            if (!ok) {
                absorbColumns();
                for (int i = 0; i < rows; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < cols; j++) {
                        max = Math.max(max, (-c[i * cols + j] + g[j]) / eps);
                    }
                    double sum = 0;
                    for (int j = 0; j < cols; j++) {
                        sum += Math.exp((-c[i * cols + j] + g[j]) / eps - max);
                    }
                    f[i] = cols == 0 ? f[i] : eps * (logMu[i] - max - Math.log(sum));
                    a[i] = 1.0;
                }
                rebuildKernel();
            }
        }

        /**
         * sum_j k[off + j] * v[j], with four partial sums: a single accumulator serialises on the
         * add latency (the JIT may not reorder floating-point sums), four keep the pipeline full.
         */
        private static double dot(double[] k, int off, double[] v, int n) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                s0 += k[off + j] * v[j];
                s1 += k[off + j + 1] * v[j + 1];
                s2 += k[off + j + 2] * v[j + 2];
                s3 += k[off + j + 3] * v[j + 3];
            }
            for (; j < n; j++) {
                s0 += k[off + j] * v[j];
            }
            return (s0 + s1) + (s2 + s3);
        }

        /** Largest |column sum of the current plan - nu_j|. */
        double columnError(double[] nu) {
            java.util.Arrays.fill(sums, 0, cols, 0.0);
            for (int i = 0; i < rows; i++) {
                double ai = a[i];
                int off = i * cols;
                for (int j = 0; j < cols; j++) {
                    sums[j] += kernel[off + j] * ai;
                }
            }
            double err = 0;
            for (int j = 0; j < cols; j++) {
                err = Math.max(err, Math.abs(sums[j] * b[j] - nu[j]));
            }
            return err;
        }

        /** Moves eps log a into f (a = 1); the kernel is stale until rebuilt. */
        private void absorbRows() {
            for (int i = 0; i < rows; i++) {
                f[i] += eps * Math.log(a[i]);
                a[i] = 1.0;
            }
        }

        /** Moves eps log b into g (b = 1); the kernel is stale until rebuilt. */
        private void absorbColumns() {
            for (int j = 0; j < cols; j++) {
                g[j] += eps * Math.log(b[j]);
                b[j] = 1.0;
            }
        }

        private void rebuildKernel() {
            for (int i = 0; i < rows; i++) {
                int off = i * cols;
                for (int j = 0; j < cols; j++) {
                    kernel[off + j] = Math.exp((-c[off + j] + f[i] + g[j]) / eps);
                }
            }
        }

        Result result(double[] mu, double[] nu, int iterations) {
            double[] u = new double[rows];
            double[] v = new double[cols];
            for (int i = 0; i < rows; i++) {
                u[i] = f[i] + eps * Math.log(a[i]);
            }
            for (int j = 0; j < cols; j++) {
                v[j] = g[j] + eps * Math.log(b[j]);
            }
            double[][] plan = new double[rows][cols];
            double[][] logPlan = new double[rows][cols];
            double[] colSums = new double[cols];
            double err = 0;
            for (int i = 0; i < rows; i++) {
                double rowSum = 0;
                for (int j = 0; j < cols; j++) {
                    double lp = (-c[i * cols + j] + u[i] + v[j]) / eps;
                    double p = Math.exp(lp);
                    logPlan[i][j] = lp;
                    plan[i][j] = p;
                    rowSum += p;
                    colSums[j] += p;
                }
                err = Math.max(err, Math.abs(rowSum - mu[i]));
            }
            for (int j = 0; j < cols; j++) {
                err = Math.max(err, Math.abs(colSums[j] - nu[j]));
            }
            return new Result(plan, logPlan, u, v, iterations, err);
        }
    }
}
