package org.dsrcnn.viewer;

import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Starts the FX toolkit once (through TestFX) and runs code on the FX thread, for tests that need no robot. */
public final class FxTestSupport {

    private static boolean started;

    private FxTestSupport() {}

    public static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        // start the toolkit the way TestFX does, so robot tests in the same JVM find it as they expect
        try {
            org.testfx.api.FxToolkit.registerPrimaryStage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start", e);
        }
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
