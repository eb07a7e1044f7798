package org.dsrcnn.app.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * A {@link TaskExecutor} on one daemon thread: work runs in submission order (the detector is
 * not thread-safe, and two inferences at once would only share the same cores). Each submission
 * becomes a {@link Task}, whose progress updates JavaFX already coalesces into one pending
 * {@code runLater}. Create and use it on the FX thread.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dsrcnn-worker");
        t.setDaemon(true);
        return t;
    });
    private final List<Task<?>> pending = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    @Override
    public <T> Cancellable submit(
            String title, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Task<T> self = this;
                updateMessage(title);
                updateProgress(-1, 1);
                return work.run(new ProgressSink() {
                    @Override
                    public void update(double fraction, String text) {
                        if (fraction >= 0) {
                            updateProgress(Math.min(1, fraction), 1);
                        } else {
                            updateProgress(-1, 1);
                        }
                        if (text != null) {
                            updateMessage(text);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled() || Thread.currentThread().isInterrupted();
                    }
                });
            }
        };
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.RUNNING) {
                progress.bind(task.progressProperty());
                message.bind(task.messageProperty());
            }
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED
                    || state == Worker.State.CANCELLED) {
                pending.remove(task);
                if (progress.isBound() && pending.isEmpty()) {
                    progress.unbind();
                    message.unbind();
                    progress.set(0);
                    message.set("");
                }
                busy.set(!pending.isEmpty());
                if (state == Worker.State.SUCCEEDED) {
                    onSuccess.accept(task.getValue());
                } else if (state == Worker.State.FAILED) {
                    onFailure.accept(task.getException());
                }
            }
        });
        pending.add(task);
        busy.set(true);
        thread.submit(task);
        return new Cancellable() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    @Override
    public void cancelAll() {
        for (Task<?> t : List.copyOf(pending)) {
            t.cancel(true);
        }
    }

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
    public void close() {
        if (Platform.isFxApplicationThread()) {
            cancelAll();
        }
        thread.shutdownNow();
    }
}
