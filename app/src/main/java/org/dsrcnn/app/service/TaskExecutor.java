package org.dsrcnn.app.service;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The one place background work runs (JabRef's TaskExecutor pattern): model loading, image
 * reading, inference and exports are submitted here, run one at a time off the FX thread, and
 * report back on the FX thread. The progress properties follow the work that is running.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Queues work.
     *
     * @param title shown while it runs
     * @param work runs on the background thread
     * @param onSuccess gets the result on the FX thread (not called when cancelled)
     * @param onFailure gets the exception on the FX thread (not called when cancelled)
     */
    <T> Cancellable submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Cancels the running work and everything queued. */
    void cancelAll();

    /** True while work is queued or running. */
    ReadOnlyBooleanProperty busyProperty();

    /** The running work's progress 0..1, or -1 when unknown. */
    ReadOnlyDoubleProperty progressProperty();

    /** The running work's title or last message. */
    ReadOnlyStringProperty messageProperty();

    @Override
    void close();
}
