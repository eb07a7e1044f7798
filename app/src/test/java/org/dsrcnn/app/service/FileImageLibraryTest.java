package org.dsrcnn.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImageLibraryTest {

    private final FileImageLibrary library = new FileImageLibrary();

    @Test
    void listsSupportedImagesSortedByName(@TempDir Path dir) throws Exception {
        for (String name : List.of("b.png", "A.JPG", "c.txt", "d.jpeg", "notes.md")) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectory(dir.resolve("e.png")); // a folder named like an image is skipped
        List<String> names = library.listImages(dir).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("A.JPG", "b.png", "d.jpeg"), names);
    }

    @Test
    void readsARealPng(@TempDir Path dir) throws Exception {
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, 0xff8800);
        Path f = dir.resolve("x.png");
        ImageIO.write(img, "png", f.toFile());
        BufferedImage back = library.read(f);
        assertEquals(7, back.getWidth());
        assertEquals(5, back.getHeight());
        assertEquals(0xff8800, back.getRGB(3, 2) & 0xffffff);
    }

    @Test
    void corruptUnsupportedAndMissingFilesGiveOneLineReasons(@TempDir Path dir) throws Exception {
        Path corrupt = dir.resolve("broken.png");
        Files.write(corrupt, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2});
        assertReason(corrupt, "corrupt image broken.png");
        Path garbage = dir.resolve("garbage.jpg");
        Files.writeString(garbage, "this is not a jpeg");
        assertReason(garbage, "corrupt image garbage.jpg");
        Path text = dir.resolve("readme.txt");
        Files.writeString(text, "hello");
        assertReason(text, "unsupported file readme.txt");
        assertReason(dir.resolve("missing.png"), "no such image file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> library.listImages(text));
        assertTrue(e.getMessage().startsWith("not a folder"));
    }

    private void assertReason(Path file, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> library.read(file));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    /** The app reads images through the engine's decoder, so the pixel limit applies here too. */
    @Test
    void imagesBeyondThePixelLimitAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
        String old = System.getProperty("dsrcnn.maxImagePixels");
        try {
            System.setProperty("dsrcnn.maxImagePixels", "20");
            assertReason(f, "image too large big.png: image is 7x5 (0.0 megapixels), more than the limit");
        } finally {
            if (old == null) {
                System.clearProperty("dsrcnn.maxImagePixels");
            } else {
                System.setProperty("dsrcnn.maxImagePixels", old);
            }
        }
        assertEquals(7, library.read(f).getWidth());
    }
}
