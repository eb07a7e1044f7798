package org.dsrcnn.engine.assign;

import java.util.Arrays;

/**
 * Exact minimum-cost one-to-one assignment on a rectangular matrix (the linear sum assignment
 * problem, what {@code scipy.optimize.linear_sum_assignment} solves): shortest augmenting paths
 * with dual potentials (Kuhn-Munkres in the Jonker-Volgenant form), O(r^2 c) for r = min(m, n),
 * c = max(m, n).
 *
 * <p>min(m, n) pairs are made: every row is matched when m <= n, every column when m > n.
 */
public final class Hungarian {

    private Hungarian() {}

    /**
     * Solves an (m, n) problem.
     *
     * @param cost (m, n) finite costs; m or n may be 0
     * @return (m) the column of each row, or -1 for a row left unmatched (only when m > n)
     * @throws IllegalArgumentException on ragged rows or a non-finite cost
     */
    public static int[] solve(double[][] cost) {
        int m = cost.length;
        int n = m == 0 ? 0 : cost[0].length;
        for (int i = 0; i < m; i++) {
            if (cost[i].length != n) {
                throw new IllegalArgumentException(
                        "cost row " + i + " has " + cost[i].length + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException(
                            "cost[" + i + "][" + j + "] is not finite: " + cost[i][j]);
                }
            }
        }
        int[] rowToCol = new int[m];
        Arrays.fill(rowToCol, -1);
        if (m == 0 || n == 0) {
            return rowToCol;
        }
        if (m <= n) {
            int[] colOfRow = augment(cost, m, n, false);
            System.arraycopy(colOfRow, 0, rowToCol, 0, m);
        } else {
            // more rows than columns: solve the transpose so that every column gets a row
            int[] rowOfCol = augment(cost, n, m, true);
            for (int j = 0; j < n; j++) {
                rowToCol[rowOfCol[j]] = j;
            }
        }
        return rowToCol;
    }

    /** Sum of cost[i][rowToCol[i]] over the matched rows. */
    public static double totalCost(double[][] cost, int[] rowToCol) {
        double sum = 0;
        for (int i = 0; i < rowToCol.length; i++) {
            if (rowToCol[i] >= 0) {
                sum += cost[i][rowToCol[i]];
            }
        }
        return sum;
    }

    /**
     * Matches each of r "agents" to a distinct one of c >= r "tasks", adding one agent at a time
     * along a shortest augmenting path (Dijkstra on reduced costs). a(i, j) = cost[i][j], or
     * cost[j][i] when {@code transposed}.
     *
     * @return (r) the task of each agent
     */
    private static int[] augment(double[][] cost, int r, int c, boolean transposed) {
        // 1-based arrays; index 0 of the task side is a virtual task that holds the agent being added
        double[] agentPotential = new double[r + 1];
        double[] taskPotential = new double[c + 1];
        int[] agentOfTask = new int[c + 1];
        int[] previousTask = new int[c + 1];
        double[] minReduced = new double[c + 1];
        boolean[] visited = new boolean[c + 1];
        for (int agent = 1; agent <= r; agent++) {
            agentOfTask[0] = agent;
            int task0 = 0;
            Arrays.fill(minReduced, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            do {
                visited[task0] = true;
                int a0 = agentOfTask[task0];
                double delta = Double.POSITIVE_INFINITY;
                int nextTask = 0;
                for (int task = 1; task <= c; task++) {
                    if (visited[task]) {
                        continue;
                    }
                    double a = transposed ? cost[task - 1][a0 - 1] : cost[a0 - 1][task - 1];
                    double reduced = a - agentPotential[a0] - taskPotential[task];
                    if (reduced < minReduced[task]) {
                        minReduced[task] = reduced;
                        previousTask[task] = task0;
                    }
                    if (minReduced[task] < delta) {
                        delta = minReduced[task];
                        nextTask = task;
                    }
                }
                for (int task = 0; task <= c; task++) {
                    if (visited[task]) {
                        agentPotential[agentOfTask[task]] += delta;
                        taskPotential[task] -= delta;
                    } else {
                        minReduced[task] -= delta;
                    }
                }
                task0 = nextTask;
            } while (agentOfTask[task0] != 0);
            // flip the augmenting path back to the virtual task
            do {
                int prev = previousTask[task0];
                agentOfTask[task0] = agentOfTask[prev];
                task0 = prev;
            } while (task0 != 0);
        }
        int[] taskOfAgent = new int[r];
        for (int task = 1; task <= c; task++) {
            if (agentOfTask[task] != 0) {
                taskOfAgent[agentOfTask[task] - 1] = task - 1;
            }
        }
        return taskOfAgent;
    }
}
