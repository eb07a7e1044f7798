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
