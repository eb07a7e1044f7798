package org.dsrcnn.engine.data;

/**
 * A dataset or results file that cannot be used at all. The message is one line (file plus what is
 * wrong); {@link #report()} lists every problem found.
 */
public final class DatasetException extends IllegalArgumentException {

    private final transient ValidationReport report;

    /** A fatal problem with its full report. */
    public DatasetException(String message, ValidationReport report) {
        super(message);
        this.report = report;
    }

    /** A fatal problem with its full report and cause. */
    public DatasetException(String message, ValidationReport report, Throwable cause) {
        super(message, cause);
        this.report = report;
    }

    /** Every problem found before giving up. */
    public ValidationReport report() {
        return report;
    }
}
