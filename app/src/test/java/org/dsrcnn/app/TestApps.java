package org.dsrcnn.app;

import java.nio.file.Path;
import org.dsrcnn.app.service.CocoDatasetReader;
import org.dsrcnn.app.service.EngineDetectorService;
import org.dsrcnn.app.service.PredictorFactory;

/**
 * The services the end-to-end tests start the window with: exactly the production ones (the
 * engine's Predictor with the project's default model, or the untrained small model when
 * {@code assets/models/default/} is absent; files; the project's sample images), except that
 * recent items go to a temporary folder instead of {@code ~/.dsrcnn/}.
 */
public final class TestApps {

    private static EngineDetectorService detector;

    private TestApps() {}

    /** One detector service for the whole test class: each window start reloads the model into it. */
    public static synchronized AppServices services(Path temp) {
        Path home = AppServices.projectHome();
        if (detector == null) {
            detector = new EngineDetectorService(new PredictorFactory(), home);
        }
        return AppServices.standard(home, detector, new CocoDatasetReader(), temp.resolve("user"),
                home.resolve("sample-images"));
    }

    public static synchronized void close() {
        if (detector != null) {
            detector.close();
            detector = null;
        }
    }

    /** Waits (up to 300 s) until {@code condition} holds, then for the FX events it caused. */
    public static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        waitUntil(300, condition);
    }

    /** Waits up to {@code seconds} until {@code condition} holds, then for the FX events it caused. */
    public static void waitUntil(long seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS, condition);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code body} on the FX thread and returns its result (at most 30 s). */
    public static <T> T fx(java.util.concurrent.Callable<T> body) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(body).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
