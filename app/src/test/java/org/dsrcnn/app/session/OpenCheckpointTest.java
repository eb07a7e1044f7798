package org.dsrcnn.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.dsrcnn.app.AppServices;
import org.dsrcnn.app.service.CocoDatasetReader;
import org.dsrcnn.app.service.DirectTaskExecutor;
import org.dsrcnn.app.service.EngineDetectorService;
import org.dsrcnn.app.service.FileImageLibrary;
import org.dsrcnn.app.service.ModelInfo;
import org.dsrcnn.app.service.PredictorFactory;
import org.dsrcnn.app.service.RecentItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Open model" accepts a checkpoint in the official Sparse R-CNN layout (the engine's golden
 * fixture, a real torch.save file): imported once into the cache, then analysed with; a second
 * open loads the cached model directory.
 */
class OpenCheckpointTest {

    @TempDir
    Path temp;

    private static <T> T onFx(Callable<T> body) throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        return org.testfx.util.WaitForAsyncUtils.asyncFx(body).get(120, TimeUnit.SECONDS);
    }

    @Test
    void anOfficialLayoutCheckpointOpensOnceImportedThenFromTheCache() throws Exception {
        Path home = AppServices.projectHome();
        Path pth = home.resolve("engine/src/test/resources/checkpoints/sparse_rcnn_golden.pth");
        Path image = home.resolve("engine/src/test/resources/checkpoints/golden_image.png");
        Path cache = temp.resolve("imported");
        try (EngineDetectorService detector = new EngineDetectorService(new PredictorFactory(), temp.resolve("home"))) {
            Object[] r = onFx(() -> {
                AnalysisSession s = new AnalysisSession(detector, new FileImageLibrary(), new DirectTaskExecutor(),
                        new RecentItems(temp.resolve("user")), new CocoDatasetReader());
                s.openCheckpoint(pth, cache);
                ModelInfo first = s.modelProperty().get();
                s.browser().openFile(image);
                s.openCheckpoint(pth, cache);
                return new Object[] {first, s.traceProperty().get(), s.noticeProperty().get()};
            });
            ModelInfo info = (ModelInfo) r[0];
            assertNotNull(info, "loaded: " + r[2]);
            assertEquals(80, info.classNames().size(), "the 80 COCO classes");
            assertEquals("person", info.classNames().get(0));
            var trace = (org.dsrcnn.engine.trace.DetectionTrace) r[1];
            assertNotNull(trace, "the image was analysed: " + r[2]);
            assertEquals(info.classNames(), trace.classNames());
            try (var entries = Files.list(cache)) {
                assertEquals(1, entries.count(), "imported once, into one cached model directory");
            }
        }
    }
}
