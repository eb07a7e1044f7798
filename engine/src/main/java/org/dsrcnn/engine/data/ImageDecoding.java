package org.dsrcnn.engine.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reading image files and turning {@link BufferedImage}s into planar RGB floats. */
public final class ImageDecoding {

    static {
        ImageIO.setUseCache(false); // decode in memory, never through temp files
    }

    private ImageDecoding() {}

    /**
     * Decodes an image file (PNG, JPEG, BMP, GIF: whatever ImageIO reads). Every image read by this
     * program comes through here: the header is checked against {@link ImagePolicy} before any pixel
     * is allocated, four-component JPEGs are converted by {@link CmykJpeg}, and a JPEG cut short is an
     * error (Java's decoder would fill the missing rows with grey and say nothing).
     *
     * @throws ImageReadException with a one-line reason when the file is missing, empty, not a
     *     decodable image, truncated or too large
     */
    public static BufferedImage read(Path file) throws ImageReadException {
        long maxPixels = ImagePolicy.maxPixels(); // a bad -D value is the user's error, not the file's
        if (!Files.isRegularFile(file)) {
            throw new ImageReadException(file, ImageReadException.Kind.MISSING,
                    Files.isDirectory(file) ? "is a directory, expected an image file" : "no such file", null);
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (java.io.IOException e) {
            throw new ImageReadException(file, ImageReadException.Kind.MISSING, "cannot read: " + e.getMessage(), e);
        }
        if (bytes == 0) {
            throw new ImageReadException(file, ImageReadException.Kind.CORRUPT, "the file is empty (0 bytes)", null);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(file, in);
            try {
                List<String> truncation = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (warning != null && warning.toLowerCase(java.util.Locale.ROOT).contains("premature end")) {
                        truncation.add(warning);
                    }
                });
                ImagePolicy.check(file, reader.getWidth(0), reader.getHeight(0), maxPixels);
                BufferedImage image = CmykJpeg.isFourComponent(reader) ? CmykJpeg.read(reader) : reader.read(0);
                if (!truncation.isEmpty()) {
                    throw new ImageReadException(file, ImageReadException.Kind.CORRUPT,
                            "the image data is cut short (truncated file): " + truncation.get(0), null);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageReadException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            // the one allocation that failed (the pixels) is released: there is room to say so
            throw new ImageReadException(file, ImageReadException.Kind.TOO_LARGE, "not enough memory to decode it ("
                    + e.getMessage() + "); lower -D" + ImagePolicy.PROPERTY + " or raise the heap (DSRCNN_XMX)", null);
        } catch (java.io.IOException | RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : CocoJsonReader.firstLine(e.getMessage());
            throw new ImageReadException(file, ImageReadException.Kind.CORRUPT, "cannot decode image: " + why, e);
        }
    }

    /** The first ImageIO reader for the stream, its input set; one line when the format is unknown. */
    private static ImageReader readerFor(Path file, ImageInputStream in) throws ImageReadException {
        Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageReadException(file, ImageReadException.Kind.CORRUPT,
                    "not an image format this program can decode (PNG, JPEG, BMP, GIF)", null);
        }
        ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }

    /**
     * Checks an image file's header against {@link ImagePolicy} without decoding any pixel (for
     * callers that decode with another library, such as the app's thumbnails).
     *
     * @throws ImageReadException when the file is missing, not an image, or larger than the policy allows
     */
    public static void checkHeader(Path file) throws ImageReadException {
        long maxPixels = ImagePolicy.maxPixels();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(file, in);
            try {
                ImagePolicy.check(file, reader.getWidth(0), reader.getHeight(0), maxPixels);
            } finally {
                reader.dispose();
            }
        } catch (ImageReadException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw new ImageReadException(file, ImageReadException.Kind.CORRUPT, "cannot read its header: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : CocoJsonReader.firstLine(e.getMessage())), e);
        }
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
        } else if (image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY) {
            // read the stored grey levels (8 or 16 bit, with or without alpha): getRGB would convert
            // them from linear grey to sRGB and brighten every grey PNG (128 becomes 188)
            int shift = Math.max(0, image.getColorModel().getComponentSize(0) - 8);
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
