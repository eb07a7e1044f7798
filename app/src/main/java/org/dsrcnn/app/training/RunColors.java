package org.dsrcnn.app.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's colour, stable for the session: runs get Tableau 10's colours (TensorBoard's and
 * matplotlib's default cycle, told apart by most readers) in the order they are first seen.
 */
final class RunColors {
    private static final List<String> TABLEAU_10 = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");
    private final Map<String, String> assigned = new HashMap<>();

    String of(String run) {
        return assigned.computeIfAbsent(run, r -> TABLEAU_10.get(assigned.size() % TABLEAU_10.size()));
    }
}
