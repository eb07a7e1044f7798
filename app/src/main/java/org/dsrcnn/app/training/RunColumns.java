package org.dsrcnn.app.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run's metrics as columns, appended record by record as {@code metrics.jsonl} grows. Train
 * records ({@code "type":"train"}) and eval records ({@code "type":"eval"}) are two tables; each
 * numeric field is a column, an array field becomes one column per element ({@code positives}
 * of 6 stages -> {@code positives.s1} .. {@code positives.s6}), eval fields are prefixed
 * {@code eval.} ({@code eval.AP}). A column missing from a record holds NaN there.
 *
 * <p>Single writer (the watcher thread); readers get a {@link #snapshot()}: values below a
 * snapshot's row count never change, and growing replaces the arrays, so a snapshot stays
 * consistent while the writer goes on.
 */
public final class RunColumns {
    /** The x columns every chart can use. */
    public enum XAxis {
        ITERATION("iteration", "iter"),
        IMAGES_SEEN("images seen", "images_seen"),
        WALL_TIME("wall time (s)", "wall_s");

        private final String label;
        private final String column;

        XAxis(String label, String column) {
            this.label = label;
            this.column = column;
        }

        public String label() {
            return label;
        }

        public String column() {
            return column;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The x columns keep their names in both tables, so a chart finds its x the same way in each. */
    private static final java.util.Set<String> AXES =
            java.util.Arrays.stream(XAxis.values()).map(XAxis::column).collect(java.util.stream.Collectors.toSet());

    private final Table train = new Table();
    private final Table eval = new Table();

    /** Appends one record; records of another type are ignored. */
    public void accept(JsonNode record) {
        String type = record.path("type").asText("");
        if (type.equals("train")) {
            train.append(record, "");
        } else if (type.equals("eval")) {
            eval.append(record, "eval.");
            // eval records carry iter and wall_s; images seen is the train record's at that iteration
            double iter = record.path("iter").asDouble(Double.NaN);
            eval.set("images_seen", eval.rows - 1, imagesSeenAt(iter));
        }
    }

    private double imagesSeenAt(double iter) {
        double[] iters = train.columns.get("iter");
        double[] seen = train.columns.get("images_seen");
        if (iters == null || seen == null) {
            return Double.NaN;
        }
        for (int i = train.rows - 1; i >= 0; i--) {
            if (iters[i] <= iter) {
                return iters[i] == iter ? seen[i] : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** An immutable view of the columns as they are now (taken on the writer's thread). */
    public MetricsSnapshot snapshot() {
        return new MetricsSnapshot(Map.copyOf(train.columns), train.rows, Map.copyOf(eval.columns), eval.rows);
    }

    /** A growable set of equally long double columns. */
    private static final class Table {
        private final Map<String, double[]> columns = new LinkedHashMap<>();
        private int rows;
        private int capacity = 64;

        void append(JsonNode record, String prefix) {
            if (rows == capacity) {
                capacity *= 2;
                columns.replaceAll((k, v) -> Arrays.copyOf(v, capacity));
                columns.values().forEach(v -> Arrays.fill(v, rows, capacity, Double.NaN));
            }
            int row = rows;
            for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                JsonNode v = field.getValue();
                String name = AXES.contains(key) ? key : prefix + key;
                if (v.isNumber()) {
                    set(name, row, v.asDouble());
                } else if (v.isArray()) {
                    for (int i = 0; i < v.size(); i++) {
                        if (v.get(i).isNumber()) {
                            set(name + ".s" + (i + 1), row, v.get(i).asDouble());
                        }
                    }
                }
            }
            rows++;
        }

        void set(String name, int row, double value) {
            double[] c = columns.get(name);
            if (c == null) {
                c = new double[capacity];
                Arrays.fill(c, Double.NaN);
                columns.put(name, c);
            }
            c[row] = value;
        }
    }
}
