package org.dsrcnn.engine.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Node;

/**
 * Four-component (CMYK or YCCK) JPEGs, as print workflows and photo libraries have them. Java's
 * decoder turns them into RGB with washed-out colours (a pure red 200,30,30 comes out 229,96,95), so
 * they are decoded here from the raw components instead.
 *
 * <p>The components follow Adobe's convention, which Photoshop writes and ImageMagick and libjpeg
 * assume for every CMYK JPEG: stored values are inverted (255 = no ink). With Adobe's transform 2
 * (YCCK) the first three are YCbCr of the inverted C, M, Y. RGB is then the device conversion
 * R = 255 (1 - C)(1 - K), which is what ImageMagick gives for a file without an ICC profile; an
 * embedded press profile is not applied (its colours would differ slightly, never wash out).
 */
final class CmykJpeg {

    private CmykJpeg() {}

    /** True for a JPEG whose frame has four components. */
    static boolean isFourComponent(ImageReader reader) throws java.io.IOException {
        Node sof = find(metadata(reader), "sof");
        if (sof == null || sof.getAttributes().getNamedItem("numFrameComponents") == null) {
            return false;
        }
        return "4".equals(sof.getAttributes().getNamedItem("numFrameComponents").getNodeValue());
    }

    /** Decodes a four-component JPEG to RGB. */
    static BufferedImage read(ImageReader reader) throws java.io.IOException {
        Node adobe = find(metadata(reader), "app14Adobe");
        boolean ycck = adobe != null && adobe.getAttributes().getNamedItem("transform") != null
                && "2".equals(adobe.getAttributes().getNamedItem("transform").getNodeValue());
        Raster raw = reader.readRaster(0, null);
        int w = raw.getWidth();
        int h = raw.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[4 * w];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raw.getPixels(raw.getMinX(), raw.getMinY() + y, w, 1, px);
            for (int x = 0; x < w; x++) {
                int a = px[4 * x];
                int b = px[4 * x + 1];
                int c = px[4 * x + 2];
                int k = px[4 * x + 3]; // inverted: 255 - ink
                int inkC;
                int inkM;
                int inkY;
                if (ycck) {
                    // JFIF YCbCr -> RGB gives the (non-inverted) inks
                    inkC = clamp(a + 1.402 * (c - 128));
                    inkM = clamp(a - 0.344136 * (b - 128) - 0.714136 * (c - 128));
                    inkY = clamp(a + 1.772 * (b - 128));
                } else {
                    inkC = 255 - a;
                    inkM = 255 - b;
                    inkY = 255 - c;
                }
                int r = clamp((255 - inkC) * k / 255.0);
                int g = clamp((255 - inkM) * k / 255.0);
                int bl = clamp((255 - inkY) * k / 255.0);
                row[x] = (r << 16) | (g << 8) | bl;
            }
            rgb.setRGB(0, y, w, 1, row, 0, w);
        }
        return rgb;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static Node metadata(ImageReader reader) throws java.io.IOException {
        IIOMetadata md = reader.getImageMetadata(0);
        if (md == null || !java.util.Arrays.asList(md.getMetadataFormatNames()).contains("javax_imageio_jpeg_image_1.0")) {
            return null;
        }
        return md.getAsTree("javax_imageio_jpeg_image_1.0");
    }

    private static Node find(Node node, String name) {
        if (node == null) {
            return null;
        }
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
