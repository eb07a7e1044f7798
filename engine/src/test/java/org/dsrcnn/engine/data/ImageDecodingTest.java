package org.dsrcnn.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecodingTest {

    @TempDir Path dir;

    /** Every storage type ImageIO hands back gives the same RGB values, in R, G, B plane order. */
    @Test
    void colourImagesOfEveryLayoutGiveTheSameRgbPlanes() {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage img = new BufferedImage(3, 2, type);
            img.setRGB(2, 1, 0xFF0A141E); // r 10, g 20, b 30
            FloatImage f = ImageDecoding.toFloat(img);
            assertEquals(10, f.get(0, 2, 1), "type " + type);
            assertEquals(20, f.get(1, 2, 1), "type " + type);
            assertEquals(30, f.get(2, 2, 1), "type " + type);
            assertEquals(0, f.get(0, 0, 0));
        }
    }

    /** A grey PNG keeps its stored levels (getRGB would turn 128 into 188). */
    @Test
    void greyPngsKeepTheirLevels() throws IOException {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 2, 0, 128);
        Path file = dir.resolve("g.png");
        ImageIO.write(grey, "png", file.toFile());
        BufferedImage back = ImageDecoding.read(file);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, back.getType());
        FloatImage f = ImageDecoding.toFloat(back);
        for (int c = 0; c < 3; c++) {
            assertEquals(128, f.get(c, 1, 2));
            assertEquals(0, f.get(c, 0, 0));
        }
    }

    @Test
    void unreadableFilesGiveOneLineReasons() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> ImageDecoding.read(dir.resolve("no.png")));
        assertEquals(dir.resolve("no.png") + ": no such file", missing.getMessage());
        Path text = Files.writeString(dir.resolve("t.png"), "not an image");
        IOException notImage = assertThrows(IOException.class, () -> ImageDecoding.read(text));
        assertTrue(notImage.getMessage().startsWith(text + ": "), notImage.getMessage());
        assertTrue(notImage.getMessage().lines().count() == 1);
    }
}
