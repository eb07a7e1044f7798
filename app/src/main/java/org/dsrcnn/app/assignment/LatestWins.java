package org.dsrcnn.app.assignment;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Runs quick computations as the user drags: on the FX thread while they take less than a frame
 * budget, else on one background thread where only the latest request counts (an older result
 * arriving after a newer request is dropped, and requests made while one runs collapse into the
 * last). A failure is handed to {@code onFailure}, never swallowed; the worker thread is a daemon,
 * so nothing waits for it at exit.
 */
final class LatestWins implements AutoCloseable {

    private final double budgetMs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assignment-recompute");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private volatile double lastMs;

    /** @param budgetMs computations measured slower than this run off the FX thread */
    LatestWins(double budgetMs) {
        this.budgetMs = budgetMs;
    }

    /** Call on the FX thread; {@code onResult} and {@code onFailure} run on the FX thread. */
    <T> void submit(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        long mine = generation.incrementAndGet();
        if (lastMs < budgetMs) {
            run(work, onResult, onFailure, mine);
            return;
        }
        worker.execute(() -> {
            if (generation.get() != mine) {
                return; // a newer request is queued behind this one
            }
            long t0 = System.nanoTime();
            try {
                T result = work.get();
                lastMs = (System.nanoTime() - t0) / 1e6;
                Platform.runLater(() -> {
                    if (generation.get() == mine) {
                        onResult.accept(result);
                    }
                });
            } catch (RuntimeException | Error e) {
                lastMs = 0;
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    private <T> void run(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure, long mine) {
        long t0 = System.nanoTime();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            onFailure.accept(e);
            return;
        }
        lastMs = (System.nanoTime() - t0) / 1e6;
        if (generation.get() == mine) {
            onResult.accept(result);
        }
    }

    /** Duration of the last computation, ms. */
    double lastMs() {
        return lastMs;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
