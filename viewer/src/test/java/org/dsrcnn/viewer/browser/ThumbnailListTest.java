package org.dsrcnn.viewer.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.dsrcnn.viewer.FxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thumbnails load off the FX thread, and an image beyond the pixel limit is refused from its header. */
class ThumbnailListTest {
    @TempDir
    Path temp;

    /** A real 8x8 PNG whose IHDR then claims {@code w} x {@code h} (CRC fixed): decoding it would need w*h*4 bytes. */
    private Path png(String name, int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] b = out.toByteArray();
        ByteBuffer.wrap(b, 16, 8).putInt(w).putInt(h); // IHDR data starts at byte 16
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17); // "IHDR" + 13 data bytes
        ByteBuffer.wrap(b, 29, 4).putInt((int) crc.getValue());
        Path file = temp.resolve(name);
        Files.write(file, b);
        return file;
    }

    private static ThumbnailList.Thumbnail await(ThumbnailList list, Path file) throws Exception {
        ThumbnailList.Thumbnail t = FxTestSupport.onFx(() -> list.thumbnail(file));
        for (int i = 0; i < 200; i++) {
            boolean done = FxTestSupport.onFx(() -> t.image.get() != null || t.failed.get());
            if (done) {
                return t;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("thumbnail of " + file + " never arrived");
    }

    @Test
    void aNormalImageArrives() throws Exception {
        ThumbnailList list = FxTestSupport.onFx(ThumbnailList::new);
        ThumbnailList.Thumbnail t = await(list, png("small.png", 8, 8));
        assertNotNull(t.image.get());
        assertFalse(t.failed.get());
    }

    @Test
    void anImageBeyondThePixelLimitIsRefusedWithoutDecoding() throws Exception {
        ThumbnailList list = FxTestSupport.onFx(ThumbnailList::new);
        ThumbnailList.Thumbnail t = await(list, png("huge.png", 20_000, 20_000));
        assertTrue(t.failed.get(), "shown as unreadable");
        assertTrue(t.reason.get().contains("more than the limit"), "refused from the header: " + t.reason.get());
        assertNull(t.image.get());
    }
}
