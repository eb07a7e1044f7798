package org.dsrcnn.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.dsrcnn.app.AppServices;
import org.dsrcnn.app.service.CocoDatasetReader;
import org.dsrcnn.app.service.DirectTaskExecutor;
import org.dsrcnn.app.service.EngineDetectorService;
import org.dsrcnn.app.service.FileImageLibrary;
import org.dsrcnn.app.service.PredictorFactory;
import org.dsrcnn.app.service.RecentItems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 8: whatever is opened, the canvas never stays on "Loading the model…": an empty
 * folder, a broken dataset, a dataset without readable images or nothing at all each say so where
 * the image would be; and an error about an image that could not be shown is taken down once a
 * valid image is shown. The real session with the real default model, on the FX thread.
 */
class NothingToShowTest {

    @TempDir static Path temp;
    static EngineDetectorService detector;

    @BeforeAll
    static void detector() {
        detector = new EngineDetectorService(new PredictorFactory(), AppServices.projectHome());
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    private static <T> T onFx(Callable<T> body) throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        return org.testfx.util.WaitForAsyncUtils.asyncFx(body).get(120, TimeUnit.SECONDS);
    }

    private static AnalysisSession session() {
        return new AnalysisSession(detector, new FileImageLibrary(), new DirectTaskExecutor(),
                new RecentItems(temp.resolve("user")), new CocoDatasetReader());
    }

    @Test
    void anEmptyFolderABrokenDatasetOrNothingSayWhyOnTheCanvas() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path broken = Files.writeString(temp.resolve("broken.json"), "{\"images\": [");
        Path noImages = Files.writeString(temp.resolve("none.json"), """
                {"images": [{"id": 1, "file_name": "missing.png", "width": 10, "height": 10}],
                 "annotations": [], "categories": [{"id": 1, "name": "circle"}]}""");
        String[] messages = onFx(() -> {
            AnalysisSession nothing = session();
            nothing.start(null);
            AnalysisSession folder = session();
            folder.start(empty);
            AnalysisSession dataset = session();
            dataset.start(broken);
            AnalysisSession unreadable = session();
            unreadable.start(noImages);
            return new String[] {nothing.canvasMessageProperty().get(), folder.canvasMessageProperty().get(),
                    dataset.canvasMessageProperty().get(), unreadable.canvasMessageProperty().get()};
        });
        assertEquals("No image open: open an image, a folder or a COCO dataset", messages[0]);
        assertEquals("no images (png, jpg, bmp, gif) in " + empty, messages[1]);
        assertTrue(messages[2].startsWith("cannot open dataset broken.json: "), messages[2]);
        assertEquals("dataset none.json has no readable images", messages[3]);
    }

    @Test
    void anErrorAboutAnImageIsTakenDownWhenAValidOneIsShown() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("two"));
        Path corrupt = Files.write(dir.resolve("a-corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Path good = dir.resolve("b-good.png");
        Files.copy(AppServices.projectHome().resolve("engine/src/test/resources/checkpoints/golden_image.png"), good);
        Object[] r = onFx(() -> {
            AnalysisSession s = session();
            s.start(dir);
            Notice failed = s.noticeProperty().get();
            String failedCanvas = s.canvasMessageProperty().get();
            s.browser().next();
            return new Object[] {failed, failedCanvas, s.noticeProperty().get(), s.canvasMessageProperty().get(),
                    s.traceProperty().get()};
        });
        assertNotNull(r[0]);
        assertEquals(Notice.Level.ERROR, ((Notice) r[0]).level());
        assertTrue(((String) r[1]).startsWith("Cannot show a-corrupt.png: corrupt image a-corrupt.png"), (String) r[1]);
        assertNotNull(r[4], "the valid image was analysed");
        assertEquals("", r[3], "the canvas shows the image, not the old message");
        assertNull(r[2], "the error about the corrupt image is no longer up: " + r[2]);
    }
}
