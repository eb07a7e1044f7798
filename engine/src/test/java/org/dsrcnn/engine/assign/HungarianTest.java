package org.dsrcnn.engine.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HungarianTest {

    /** Minimum total over all injective maps of the smaller side into the larger (all permutations). */
    static double bruteForce(double[][] c) {
        int m = c.length;
        int n = m == 0 ? 0 : c[0].length;
        if (m == 0 || n == 0) {
            return 0;
        }
        if (m <= n) {
            return permute(c, 0, new boolean[n], false);
        }
        return permute(c, 0, new boolean[m], true);
    }

    private static double permute(double[][] c, int depth, boolean[] used, boolean transposed) {
        int small = transposed ? c[0].length : c.length;
        if (depth == small) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < used.length; k++) {
            if (!used[k]) {
                used[k] = true;
                double v = (transposed ? c[k][depth] : c[depth][k]) + permute(c, depth + 1, used, transposed);
                used[k] = false;
                best = Math.min(best, v);
            }
        }
        return best;
    }

    /** Exact optimum by dynamic programming over subsets of columns (rows <= columns <= ~16). */
    static double subsetDp(double[][] c) {
        int m = c.length;
        int n = c[0].length;
        double[] dp = new double[1 << n];
        Arrays.fill(dp, Double.POSITIVE_INFINITY);
        dp[0] = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (dp[mask] == Double.POSITIVE_INFINITY) {
                continue;
            }
            int row = Integer.bitCount(mask);
            if (row == m) {
                best = Math.min(best, dp[mask]);
                continue;
            }
            for (int j = 0; j < n; j++) {
                if ((mask & (1 << j)) == 0) {
                    int next = mask | (1 << j);
                    dp[next] = Math.min(dp[next], dp[mask] + c[row][j]);
                }
            }
        }
        return best;
    }

    /** A valid assignment: min(m, n) pairs, no column twice. */
    static void assertValid(double[][] c, int[] rowToCol) {
        int m = c.length;
        int n = m == 0 ? 0 : c[0].length;
        assertEquals(m, rowToCol.length);
        boolean[] seen = new boolean[n];
        int pairs = 0;
        for (int col : rowToCol) {
            if (col >= 0) {
                assertEquals(false, seen[col], "column used twice");
                seen[col] = true;
                pairs++;
            }
        }
        assertEquals(Math.min(m, n), pairs);
    }

    @Provide
    Arbitrary<double[][]> smallMatrices() {
        Arbitrary<double[][]> integerCosts = Combinators.combine(
                        Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 7),
                        Arbitraries.longs())
                .as((m, n, seed) -> random(m, n, new Random(seed), true));
        Arbitrary<double[][]> realCosts = Combinators.combine(
                        Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 7),
                        Arbitraries.longs())
                .as((m, n, seed) -> random(m, n, new Random(seed), false));
        return Arbitraries.oneOf(integerCosts, realCosts);
    }

    static double[][] random(int m, int n, Random r, boolean integers) {
        double[][] c = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // integer costs in a small range force many ties; real costs span negative values
                c[i][j] = integers ? r.nextInt(7) - 2 : (r.nextDouble() - 0.3) * 100;
            }
        }
        return c;
    }

    @Property(tries = 4000)
    void optimalOnRandomInstancesUpToSevenBySeven(@ForAll("smallMatrices") double[][] c) {
        int[] rowToCol = Hungarian.solve(c);
        assertValid(c, rowToCol);
        assertEquals(bruteForce(c), Hungarian.totalCost(c, rowToCol), 1e-9);
    }

    @Test
    void optimalOnLargerInstancesAgainstSubsetDp() {
        Random r = new Random(11);
        for (int t = 0; t < 200; t++) {
            int m = 1 + r.nextInt(12);
            int n = 1 + r.nextInt(12);
            double[][] c = random(m, n, r, t % 2 == 0);
            int[] rowToCol = Hungarian.solve(c);
            assertValid(c, rowToCol);
            double expected = m <= n ? subsetDp(c) : subsetDp(transpose(c));
            assertEquals(expected, Hungarian.totalCost(c, rowToCol), 1e-9);
        }
    }

    @Test
    void scipyDocumentationExample() {
        // scipy.optimize.linear_sum_assignment docs: rows [0,1,2] -> cols [1,0,2], cost 5
        double[][] c = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        assertArrayEquals(new int[] {1, 0, 2}, Hungarian.solve(c));
        assertEquals(5.0, Hungarian.totalCost(c, Hungarian.solve(c)));
    }

    @Test
    void moreRowsThanColumnsLeavesTheCostliestRowsOut() {
        // 3 GT, 1 prediction: only the cheapest row is matched
        double[][] c = {{5}, {-1}, {3}};
        assertArrayEquals(new int[] {-1, 0, -1}, Hungarian.solve(c));
    }

    @Test
    void emptyAndInvalidInput() {
        assertArrayEquals(new int[0], Hungarian.solve(new double[0][0]));
        assertArrayEquals(new int[] {-1, -1}, Hungarian.solve(new double[2][0]));
        assertThrows(IllegalArgumentException.class, () -> Hungarian.solve(new double[][] {{1, Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> Hungarian.solve(new double[][] {{1, 2}, {3}}));
    }

    static double[][] transpose(double[][] c) {
        double[][] t = new double[c[0].length][c.length];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[0].length; j++) {
                t[j][i] = c[i][j];
            }
        }
        return t;
    }
}
