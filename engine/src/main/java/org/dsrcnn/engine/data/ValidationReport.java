package org.dsrcnn.engine.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every problem found while reading a dataset or a results file, each with the record it is about,
 * so that a user can fix the file instead of guessing what a crash deep in training meant.
 */
public final class ValidationReport {

    /** How bad a problem is. */
    public enum Severity {
        /** the file cannot be used at all; loading throws {@link DatasetException}. */
        ERROR,
        /** the record was skipped, or kept after a stated correction. */
        WARNING
    }

    /**
     * One problem.
     *
     * @param severity ERROR (fatal) or WARNING (record skipped or corrected)
     * @param kind the kind of record: "file", "image", "annotation", "category", "detection"
     * @param id the record's id, or {@code #i} (its position in the array) when it has no usable id
     * @param reason one line saying what is wrong and what was done about it
     */
    public record Problem(Severity severity, String kind, String id, String reason) {
        @Override
        public String toString() {
            return severity + " " + kind + " " + id + ": " + reason;
        }
    }

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    /** An empty report about {@code source} (usually a file name). */
    public ValidationReport(String source) {
        this.source = source;
    }

    /** What was checked (usually the file name). */
    public String source() {
        return source;
    }

    /** Adds a fatal problem. */
    public void error(String kind, String id, String reason) {
        problems.add(new Problem(Severity.ERROR, kind, id, reason));
    }

    /** Adds a problem that made the record skipped or corrected. */
    public void warning(String kind, String id, String reason) {
        problems.add(new Problem(Severity.WARNING, kind, id, reason));
    }

    /** All problems, in the order they were found. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** The problems of one severity. */
    public List<Problem> problems(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).toList();
    }

    /** True when a fatal problem was found. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** True when nothing was found. */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** One line: counts and the first problem, e.g. {@code "a.json: 0 errors, 3 warnings (first: ...)"}. */
    public String summary() {
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = problems.size() - errors;
        String first = problems.isEmpty() ? "" : " (first: " + firstOf(errors > 0) + ")";
        return source + ": " + errors + (errors == 1 ? " error, " : " errors, ")
                + warnings + (warnings == 1 ? " warning" : " warnings") + first;
    }

    /** Every problem as one line each. */
    public List<String> lines() {
        return problems.stream().map(Problem::toString).toList();
    }

    private Problem firstOf(boolean errors) {
        for (Problem p : problems) {
            if (!errors || p.severity() == Severity.ERROR) {
                return p;
            }
        }
        return problems.get(0);
    }
}
