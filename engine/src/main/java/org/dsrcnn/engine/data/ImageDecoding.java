package org.dsrcnn.engine.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading image files and turning {@link BufferedImage}s into planar RGB floats. */
public final class ImageDecoding {

    static {
        ImageIO.setUseCache(false); // decode in memory, never through temp files
    }

    private ImageDecoding() {}

    /**
     * Decodes an image file (PNG, JPEG, BMP, GIF: whatever ImageIO reads).
     *
     * @throws IOException with a one-line reason when the file is missing or not a decodable image
     */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot decode image: " + CocoJsonReader.firstLine(e.getMessage()), e);
        }
        if (image == null) {
            throw new IOException(file + ": not an image format this program can decode");
        }
        return image;
    }

    /**
     * The pixels as planar RGB floats 0..255 (alpha, if any, is dropped; grey images give three equal
     * channels holding the stored grey level).
     *
     * @return (3, H, W) RGB
     */
    public static FloatImage toFloat(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        float[] chw = new float[3 * plane];
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < plane; i++) {
                chw[i] = bgr[3 * i + 2] & 0xFF;
                chw[plane + i] = bgr[3 * i + 1] & 0xFF;
                chw[2 * plane + i] = bgr[3 * i] & 0xFF;
            }
        } else if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB) {
            int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < plane; i++) {
                putRgb(chw, plane, i, rgb[i]);
            }
        } else if (image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            // read the stored grey levels: getRGB would convert them from linear grey to sRGB and
            // brighten every grey PNG (128 becomes 188)
            int shift = image.getType() == BufferedImage.TYPE_USHORT_GRAY ? 8 : 0;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRaster().getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    float v = row[x] >> shift;
                    int i = y * w + x;
                    chw[i] = v;
                    chw[plane + i] = v;
                    chw[2 * plane + i] = v;
                }
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    putRgb(chw, plane, y * w + x, row[x]);
                }
            }
        }
        return new FloatImage(chw, w, h);
    }

    private static void putRgb(float[] chw, int plane, int i, int argb) {
        chw[i] = (argb >> 16) & 0xFF;
        chw[plane + i] = (argb >> 8) & 0xFF;
        chw[2 * plane + i] = argb & 0xFF;
    }
}
