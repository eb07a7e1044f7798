package org.dsrcnn.app.service;

/** A handle to submitted work. */
public interface Cancellable {

    /** Cancels the work if it has not finished; its callbacks then never run. */
    void cancel();

    /** True when the work finished, failed or was cancelled. */
    boolean isDone();
}
