package org.dsrcnn.engine.data.shapes;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Tracks which object owns each pixel as objects are painted back to front: an id buffer
 * rasterized without antialiasing (a pixel belongs to a region when its centre is inside), where a
 * later object takes the pixels it covers. Gives each object's visible extent, visible pixel count
 * and the share of its in-image pixels that stayed visible.
 */
final class Visibility {

    /**
     * One object's visible part.
     *
     * @param x left edge (first visible column)
     * @param y top edge (first visible row)
     * @param w columns spanned
     * @param h rows spanned
     * @param pixels visible pixels
     * @param fraction visible pixels / pixels the region covers inside the image
     */
    record Extent(int x, int y, int w, int h, int pixels, double fraction) {}

    private final int width;
    private final int height;
    private final BufferedImage ids;
    private final Graphics2D idGraphics;
    private final BufferedImage scratch;
    private final Graphics2D scratchGraphics;
    private final List<Integer> fullPixels = new ArrayList<>();

    Visibility(int width, int height) {
        this.width = width;
        this.height = height;
        this.ids = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.idGraphics = ids.createGraphics();
        idGraphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        this.scratch = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.scratchGraphics = scratch.createGraphics();
        scratchGraphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    }

    /** Paints the next object's region over the earlier ones (at most 2^24 - 1 objects). */
    void add(Shape region) {
        fullPixels.add(countPixels(region));
        idGraphics.setColor(new Color(fullPixels.size())); // id k + 1 as the RGB value
        idGraphics.fill(region);
    }

    /** Per added object, in order: its visible extent, or {@code null} when nothing of it shows. */
    List<Extent> extents() {
        int count = fullPixels.size();
        int[][] e = new int[count][];
        for (int k = 0; k < count; k++) {
            e[k] = new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, 0};
        }
        int[] px = ((DataBufferInt) ids.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int id = px[y * width + x] & 0xFFFFFF;
                if (id > 0) {
                    int[] o = e[id - 1];
                    o[0] = Math.min(o[0], x);
                    o[1] = Math.min(o[1], y);
                    o[2] = Math.max(o[2], x);
                    o[3] = Math.max(o[3], y);
                    o[4]++;
                }
            }
        }
        List<Extent> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int[] o = e[k];
            int full = fullPixels.get(k);
            out.add(o[4] == 0 ? null
                    : new Extent(o[0], o[1], o[2] - o[0] + 1, o[3] - o[1] + 1, o[4], (double) o[4] / full));
        }
        return out;
    }

    /** Releases the graphics contexts. */
    void dispose() {
        idGraphics.dispose();
        scratchGraphics.dispose();
    }

    /** Pixels a region covers inside the image, rasterized exactly as the id buffer rasterizes it. */
    private int countPixels(Shape region) {
        Rectangle b = region.getBounds().intersection(new Rectangle(0, 0, width, height));
        if (b.isEmpty()) {
            return 0;
        }
        scratchGraphics.setColor(Color.BLACK);
        scratchGraphics.fillRect(b.x, b.y, b.width, b.height);
        scratchGraphics.setColor(Color.WHITE);
        scratchGraphics.fill(region);
        int[] px = ((DataBufferInt) scratch.getRaster().getDataBuffer()).getData();
        int count = 0;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                if ((px[y * width + x] & 0xFFFFFF) != 0) {
                    count++;
                }
            }
        }
        return count;
    }
}
