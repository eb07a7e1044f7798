package org.dsrcnn.app.service;

/** What background work reports to, and asks whether it should stop. */
public interface ProgressSink {

    /** A sink that ignores progress and is never cancelled. */
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void update(double fraction, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Reports progress.
     *
     * @param fraction 0..1, or a negative value for "unknown"
     * @param message what is happening, one line
     */
    void update(double fraction, String message);

    /** True once the user cancelled; work should stop at the next safe point. */
    boolean isCancelled();
}
