package org.dsrcnn.viewer.canvas;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Filled text tags on the overlay; text widths are measured once per (font, text). FX thread. */
public final class Tags {

    /** Bold 12: labels of detections. */
    public static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 12);

    /** Plain 11: GT and selection captions. */
    public static final Font SMALL_FONT = Font.font("System", 11);

    private final Map<String, Double> widths = new HashMap<>();
    private final Text measurer = new Text();
    /** Tags placed with {@link #drawFree} in this frame: x, y, w, h. */
    private final java.util.List<double[]> placed = new java.util.ArrayList<>();

    /** Forgets the tags placed in the previous frame ({@link OverlayRenderer} calls it per frame). */
    public void newFrame() {
        placed.clear();
    }

    /**
     * Draws a tag where it covers no tag placed before it in this frame: tried at the usual place
     * (as {@link #draw}), then one tag height lower each time, {@code tries} places in all. Callers
     * place the most important tag first, so it keeps the usual place and stays readable.
     *
     * @return false when every place was taken (nothing drawn)
     */
    public boolean drawFree(GraphicsContext gc, String text, double x, double y, Color fill, Color ink, boolean above,
            int tries) {
        Font font = above ? LABEL_FONT : SMALL_FONT;
        double w = width(text, font) + 6;
        double h = font.getSize() + 4;
        double top = above ? y - h : y;
        if (top < 0) {
            top = y;
        }
        for (int i = 0; i < tries; i++, top += h) {
            if (free(x, top, w, h)) {
                placed.add(new double[] {x, top, w, h});
                paint(gc, text, font, x, top, w, h, fill, ink);
                return true;
            }
        }
        return false;
    }

    private boolean free(double x, double y, double w, double h) {
        for (double[] r : placed) {
            if (x < r[0] + r[2] && r[0] < x + w && y < r[1] + r[3] && r[1] < y + h) {
                return false;
            }
        }
        return true;
    }

    /**
     * A filled tag with text; above the anchor (bold) when {@code above}, else below it (small).
     * A tag that would leave the top of the view goes below its anchor.
     */
    public void draw(GraphicsContext gc, String text, double x, double y, Color fill, Color ink, boolean above) {
        Font font = above ? LABEL_FONT : SMALL_FONT;
        double w = width(text, font) + 6;
        double h = font.getSize() + 4;
        double top = above ? y - h : y;
        if (top < 0) {
            top = y;
        }
        paint(gc, text, font, x, top, w, h, fill, ink);
    }

    private static void paint(GraphicsContext gc, String text, Font font, double x, double top, double w, double h,
            Color fill, Color ink) {
        gc.setFill(fill);
        gc.fillRect(x, top, w, h);
        gc.setFill(ink);
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(text, x + 3, top + 2);
    }

    /** The width of {@code text} in {@code font}, view px. */
    public double width(String text, Font font) {
        String key = font.getSize() + "|" + font.getStyle() + "|" + text;
        Double w = widths.get(key);
        if (w == null) {
            if (widths.size() > 4096) {
                widths.clear();
            }
            measurer.setFont(font);
            measurer.setText(text);
            w = measurer.getLayoutBounds().getWidth();
            widths.put(key, w);
        }
        return w;
    }

    /** Black or white, whichever reads better on {@code c} (relative luminance). */
    public static Color textOn(Color c) {
        double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return lum > 0.55 ? Color.BLACK : Color.WHITE;
    }
}
