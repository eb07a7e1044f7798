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

    /** A header claiming 20000 x 20000 is refused before a pixel is allocated, with the size and the limit. */
    @Test
    void imagesBeyondThePixelLimitAreRefusedFromTheirHeader() throws IOException {
        Path png = BadFiles.hugePng(dir.resolve("huge.png"), 20000, 20000, true);
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageDecoding.read(png));
        assertEquals(ImageReadException.Kind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().startsWith(png + ": image is 20000x20000 (400.0 megapixels), more than the limit "
                + "of 67.1 megapixels; raise it with -Ddsrcnn.maxImagePixels="), e.getMessage());
        Path jpeg = BadFiles.jpegClaiming(BadFiles.jpeg(dir.resolve("small.jpg"), 16, 16), dir.resolve("claims.jpg"),
                60000, 60000);
        assertEquals(ImageReadException.Kind.TOO_LARGE,
                assertThrows(ImageReadException.class, () -> ImageDecoding.read(jpeg)).kind());

        Path medium = BadFiles.png(dir.resolve("medium.png"), 40, 30, 0x102030);
        String old = System.getProperty(ImagePolicy.PROPERTY);
        try {
            System.setProperty(ImagePolicy.PROPERTY, "1000");
            assertTrue(assertThrows(ImageReadException.class, () -> ImageDecoding.read(medium)).reason()
                    .contains("more than the limit of 0.0 megapixels"));
            System.setProperty(ImagePolicy.PROPERTY, "1200");
            assertEquals(40, ImageDecoding.read(medium).getWidth(), "the limit is configurable");
            System.setProperty(ImagePolicy.PROPERTY, "lots");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ImageDecoding.read(medium));
            assertEquals("-Ddsrcnn.maxImagePixels must be a positive number of pixels, got 'lots'", bad.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(ImagePolicy.PROPERTY);
            } else {
                System.setProperty(ImagePolicy.PROPERTY, old);
            }
        }
    }

    /**
     * CMYK and YCCK JPEGs come out in their real colours; Java's own decoder washes them out (red
     * 200,30,30 becomes about 229,96,96). ImageMagick reads these generated files as 200,30,30 too.
     */
    @Test
    void cmykJpegsKeepTheirColours() throws IOException {
        for (boolean ycck : new boolean[] {false, true}) {
            Path file = BadFiles.cmykJpeg(dir.resolve(ycck ? "ycck.jpg" : "cmyk.jpg"), 24, 16, ycck);
            FloatImage f = ImageDecoding.toFloat(ImageDecoding.read(file));
            for (int c = 0; c < 3; c++) {
                assertEquals(BadFiles.CMYK_RED[c], f.get(c, 5, 5), 3, (ycck ? "YCCK" : "CMYK") + " channel " + c);
            }
            int javaDefault = ImageIO.read(file.toFile()).getRGB(5, 5);
            assertTrue(((javaDefault >> 8) & 0xff) > 80, "the plain JDK decoder washes this file out: "
                    + Integer.toHexString(javaDefault));
        }
    }

    /** A JPEG cut short is an error, not an image whose missing rows are grey. */
    @Test
    void truncatedAndEmptyFilesAreRefused() throws IOException {
        Path jpeg = BadFiles.jpeg(dir.resolve("full.jpg"), 64, 64);
        Path cut = BadFiles.truncated(jpeg, dir.resolve("cut.jpg"), 0.8);
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageDecoding.read(cut));
        assertTrue(e.reason().startsWith("the image data is cut short (truncated file)"), e.getMessage());
        Path png = BadFiles.truncated(BadFiles.png(dir.resolve("full.png"), 64, 64, 0x336699), dir.resolve("cut.png"), 0.6);
        assertEquals(ImageReadException.Kind.CORRUPT,
                assertThrows(ImageReadException.class, () -> ImageDecoding.read(png)).kind());
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertEquals(empty + ": the file is empty (0 bytes)",
                assertThrows(ImageReadException.class, () -> ImageDecoding.read(empty)).getMessage());
        assertEquals(dir + ": is a directory, expected an image file",
                assertThrows(ImageReadException.class, () -> ImageDecoding.read(dir)).getMessage());
    }

    /** 16-bit PNGs (colour and grey) give their levels scaled to 8 bits. */
    @Test
    void sixteenBitPngsGiveTheirColours() throws IOException {
        FloatImage rgb = ImageDecoding.toFloat(ImageDecoding.read(
                BadFiles.png16(dir.resolve("rgb16.png"), 6, 4, 200 * 257, 30 * 257, 30 * 257)));
        assertEquals(200, rgb.get(0, 3, 2), 0.5);
        assertEquals(30, rgb.get(1, 3, 2), 0.5);
        assertEquals(30, rgb.get(2, 3, 2), 0.5);
        FloatImage grey = ImageDecoding.toFloat(ImageDecoding.read(BadFiles.grey16(dir.resolve("g16.png"), 6, 4, 128 * 257)));
        for (int c = 0; c < 3; c++) {
            assertEquals(128, grey.get(c, 1, 1), 0.5, "grey levels are not brightened");
        }
    }
}
