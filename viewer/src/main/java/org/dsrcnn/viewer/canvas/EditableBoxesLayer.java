package org.dsrcnn.viewer.canvas;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Boxes being edited (e.g. ground truth in the Assignment page): each in its own colour with a
 * caption, the selected one with its eight handles, and the box being drawn as a dashed rubber
 * band. Feed it {@link Boxes}; it asks the canvas to repaint when they change.
 */
public final class EditableBoxesLayer implements OverlayLayer {

    /**
     * @param boxes (M, 4) xyxy image px
     * @param captions (M) text drawn under each box
     * @param colors (M) outline colours
     * @param selected the selected box, or -1
     * @param drawing the box being drawn, or null
     */
    public record Boxes(float[][] boxes, List<String> captions, List<Color> colors, int selected, float[] drawing) {
        public static final Boxes EMPTY = new Boxes(new float[0][], List.of(), List.of(), -1, null);
    }

    private static final double HANDLE = 7;
    private static final double[] DASH = {5, 4};
    private final String name;
    private final ObjectProperty<Boxes> boxes = new SimpleObjectProperty<>(this, "boxes", Boxes.EMPTY);

    public EditableBoxesLayer(String name) {
        this.name = name;
    }

    public ObjectProperty<Boxes> boxesProperty() {
        return boxes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void attach(Runnable repaint) {
        boxes.addListener(o -> repaint.run());
    }

    @Override
    public int draw(FrameContext f) {
        Boxes b = boxes.get();
        GraphicsContext gc = f.gc();
        ViewTransform t = f.transform();
        for (int i = 0; i < b.boxes().length; i++) {
            Color c = i < b.colors().size() ? b.colors().get(i) : Color.WHITE;
            gc.setLineWidth(i == b.selected() ? 4.0 : 3.0);
            gc.setStroke(Color.rgb(0, 0, 0, 0.65));
            Strokes.strokeBox(gc, t, b.boxes()[i]);
            gc.setLineWidth(i == b.selected() ? 2.5 : 1.8);
            gc.setStroke(c);
            Strokes.strokeBox(gc, t, b.boxes()[i]);
            if (i < b.captions().size()) {
                f.tags().draw(gc, b.captions().get(i), t.toViewX(b.boxes()[i][0]), t.toViewY(b.boxes()[i][3]), c,
                        Tags.textOn(c), false);
            }
        }
        if (b.selected() >= 0 && b.selected() < b.boxes().length) {
            float[] s = b.boxes()[b.selected()];
            for (int h = 0; h < BoxHandles.COUNT; h++) {
                double[] p = BoxHandles.position(s, h);
                double x = t.toViewX(p[0]) - HANDLE / 2;
                double y = t.toViewY(p[1]) - HANDLE / 2;
                gc.setFill(Color.WHITE);
                gc.fillRect(x, y, HANDLE, HANDLE);
                gc.setStroke(Color.BLACK);
                gc.setLineWidth(1);
                gc.strokeRect(x, y, HANDLE, HANDLE);
            }
        }
        if (b.drawing() != null) {
            gc.setLineDashes(DASH);
            gc.setLineWidth(1.5);
            gc.setStroke(Color.WHITE);
            Strokes.strokeBox(gc, t, b.drawing());
            gc.setLineDashes((double[]) null);
        }
        return b.boxes().length;
    }
}
