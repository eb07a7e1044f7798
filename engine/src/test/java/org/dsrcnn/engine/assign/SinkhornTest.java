package org.dsrcnn.engine.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SinkhornTest {

    /** The spec §5.1 pseudo-code, literally (log domain, logsumexp every half-step). */
    static double[][] literal(double[][] c, double[] mu, double[] nu, double eps, int iters) {
        int rows = c.length;
        int cols = nu.length;
        double[] u = new double[rows];
        double[] v = new double[cols];
        java.util.Arrays.fill(u, 1);
        java.util.Arrays.fill(v, 1);
        for (int it = 0; it < iters; it++) {
            for (int j = 0; j < cols; j++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < rows; i++) {
                    max = Math.max(max, (-c[i][j] + u[i] + v[j]) / eps);
                }
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += Math.exp((-c[i][j] + u[i] + v[j]) / eps - max);
                }
                v[j] = eps * (Math.log(nu[j] + 1e-8) - (max + Math.log(s))) + v[j];
            }
            for (int i = 0; i < rows; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < cols; j++) {
                    max = Math.max(max, (-c[i][j] + u[i] + v[j]) / eps);
                }
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    s += Math.exp((-c[i][j] + u[i] + v[j]) / eps - max);
                }
                u[i] = eps * (Math.log(mu[i] + 1e-8) - (max + Math.log(s))) + u[i];
            }
        }
        double[][] plan = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                plan[i][j] = Math.exp((-c[i][j] + u[i] + v[j]) / eps);
            }
        }
        return plan;
    }

    static double[][] randomCost(Random r, int rows, int cols, double scale) {
        double[][] c = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[i][j] = (r.nextDouble() - 0.4) * scale;
            }
        }
        return c;
    }

    static double[] supplies(Random r, int rows, int cols) {
        double[] mu = new double[rows];
        double used = 0;
        for (int i = 0; i < rows - 1; i++) {
            mu[i] = 1 + r.nextDouble() * 2;
            used += mu[i];
        }
        mu[rows - 1] = cols - used;
        return mu;
    }

    @Test
    void sameIteratesAsTheLiteralLogDomainAlgorithm() {
        Random r = new Random(2);
        for (double eps : new double[] {1.0, 0.1, 0.01, 0.001}) {
            for (int iters : new int[] {1, 3, 50}) {
                int rows = 6;
                int cols = 40;
                // costs like the matcher's: a few units wide, so cost/eps reaches 1e4 at eps 0.001
                double[][] c = randomCost(r, rows, cols, 12);
                double[] mu = supplies(r, rows, cols);
                double[] nu = new double[cols];
                java.util.Arrays.fill(nu, 1);
                double[][] expected = literal(c, mu, nu, eps, iters);
                Sinkhorn.Result got = Sinkhorn.solve(c, mu, nu, eps, iters, 0);
                assertEquals(iters, got.iterations());
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        assertEquals(expected[i][j], got.plan()[i][j], 1e-9 + 1e-7 * expected[i][j],
                                "eps " + eps + " iters " + iters + " at " + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void twoByTwoClosedForm() {
        // cost [[0,1],[1,0]], unit marginals: by symmetry P = [[p,1-p],[1-p,p]] with
        // p / (1-p) = e^{1/eps} (the entropic optimum), so p = 1 / (1 + e^{-1/eps}); eps = 1 -> 0.7311
        double[][] c = {{0, 1}, {1, 0}};
        Sinkhorn.Result s = Sinkhorn.solve(c, new double[] {1, 1}, new double[] {1, 1}, 1.0, 100, 0);
        double p = 1 / (1 + Math.exp(-1));
        assertEquals(p, s.plan()[0][0], 1e-7);
        assertEquals(1 - p, s.plan()[0][1], 1e-7);
        assertEquals(p, s.plan()[1][1], 1e-7);
    }

    @Test
    void marginalsHoldAfterConvergence() {
        Random r = new Random(8);
        double[][] c = randomCost(r, 11, 100, 10);
        double[] mu = supplies(r, 11, 100);
        double[] nu = new double[100];
        java.util.Arrays.fill(nu, 1);
        Sinkhorn.Result s = Sinkhorn.solve(c, mu, nu, 0.1, 2000, 0);
        for (int i = 0; i < 11; i++) {
            double row = 0;
            for (double v : s.plan()[i]) {
                row += v;
            }
            assertEquals(mu[i], row, 1e-3, "row " + i);
        }
        for (int j = 0; j < 100; j++) {
            double col = 0;
            for (int i = 0; i < 11; i++) {
                col += s.plan()[i][j];
            }
            assertEquals(1.0, col, 1e-3, "column " + j);
        }
        assertTrue(s.marginalError() < 1e-3, "reported error " + s.marginalError());
    }

    @Test
    void neverLoopsPastTheCapAndStopsEarlyWithATolerance() {
        Random r = new Random(9);
        double[][] c = randomCost(r, 5, 30, 5);
        double[] mu = supplies(r, 5, 30);
        double[] nu = new double[30];
        java.util.Arrays.fill(nu, 1);
        assertEquals(7, Sinkhorn.solve(c, mu, nu, 0.1, 7, 0).iterations());
        assertEquals(0, Sinkhorn.solve(c, mu, nu, 0.1, 0, 0).iterations());
        Sinkhorn.Result early = Sinkhorn.solve(c, mu, nu, 0.5, 10_000, 1e-6);
        assertTrue(early.iterations() < 10_000, "ran " + early.iterations());
        assertTrue(early.marginalError() < 1e-6 + 1e-7, "error " + early.marginalError());
        // an unreachable tolerance still stops at the cap
        assertEquals(25, Sinkhorn.solve(c, mu, nu, 0.01, 25, 1e-300).iterations());
    }
}
