package org.dsrcnn.app.service;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Runs work at once on the calling thread (JabRef's CurrentThreadTaskExecutor), for view-model tests. */
public final class DirectTaskExecutor implements TaskExecutor {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    public int submitted;

    @Override
    public <T> Cancellable submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        submitted++;
        T value;
        try {
            value = work.run(ProgressSink.NONE);
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return done();
        }
        onSuccess.accept(value);
        return done();
    }

    private static Cancellable done() {
        return new Cancellable() {
            @Override
            public void cancel() {}

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    @Override
    public void cancelAll() {}

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public void close() {}
}
