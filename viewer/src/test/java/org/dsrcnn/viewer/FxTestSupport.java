package org.dsrcnn.viewer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Starts the FX toolkit once and runs code on the FX thread, for tests that need no robot. */
public final class FxTestSupport {

    private static boolean started;

    private FxTestSupport() {}

    public static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        CountDownLatch latch = new CountDownLatch(1);
        try {
            Platform.startup(latch::countDown);
        } catch (IllegalStateException alreadyRunning) {
            latch.countDown();
        }
        latch.await(10, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs {@code body} on the FX thread and returns its value (rethrowing its failure). */
    public static <T> T onFx(java.util.concurrent.Callable<T> body) throws Exception {
        start();
        FutureTask<T> task = new FutureTask<>(body);
        Platform.runLater(task);
        try {
            return task.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw new RuntimeException(e.getCause());
        }
    }
}
