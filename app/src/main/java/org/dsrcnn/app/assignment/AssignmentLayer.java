package org.dsrcnn.app.assignment;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.dsrcnn.viewer.canvas.FrameContext;
import org.dsrcnn.viewer.canvas.OverlayLayer;
import org.dsrcnn.viewer.canvas.Strokes;
import org.dsrcnn.viewer.canvas.ViewTransform;

/**
 * Stage t's predictions as one matcher assigns them: negatives dimmed, each positive in its GT's
 * colour with a line from the GT's centre to the positive's centre. Feed it {@link Data}.
 */
final class AssignmentLayer implements OverlayLayer {

    /**
     * @param boxes (N, 4) stage t's boxes, xyxy original px
     * @param gtOf (N) the page GT index each prediction is a positive of, or -1
     * @param gtBoxes the page's GT boxes
     * @param colors per page GT index
     */
    record Data(float[][] boxes, int[] gtOf, float[][] gtBoxes, List<Color> colors) {}

    private static final Color NEGATIVE = Color.rgb(200, 200, 200, 0.22);
    private final String name;
    private final ObjectProperty<Data> data = new SimpleObjectProperty<>(this, "data");

    AssignmentLayer(String name) {
        this.name = name;
    }

    ObjectProperty<Data> dataProperty() {
        return data;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void attach(Runnable repaint) {
        data.addListener(o -> repaint.run());
    }

    /** Counts the lines drawn (one per positive). */
    @Override
    public int draw(FrameContext f) {
        Data d = data.get();
        if (d == null) {
            return 0;
        }
        GraphicsContext gc = f.gc();
        ViewTransform t = f.transform();
        gc.setFill(NEGATIVE);
        for (int j = 0; j < d.boxes().length; j++) {
            if (d.gtOf()[j] < 0) {
                Strokes.fillOutline(gc, t, d.boxes()[j], 1);
            }
        }
        int lines = 0;
        gc.setLineWidth(1.5);
        for (int j = 0; j < d.boxes().length; j++) {
            int g = d.gtOf()[j];
            if (g < 0 || g >= d.gtBoxes().length) {
                continue;
            }
            Color c = d.colors().get(g % d.colors().size());
            float[] b = d.boxes()[j];
            float[] gt = d.gtBoxes()[g];
            gc.setStroke(c.deriveColor(0, 1, 1, 0.9));
            gc.strokeLine(t.toViewX((gt[0] + gt[2]) / 2), t.toViewY((gt[1] + gt[3]) / 2),
                    t.toViewX((b[0] + b[2]) / 2), t.toViewY((b[1] + b[3]) / 2));
            gc.setFill(c);
            Strokes.fillOutline(gc, t, b, 2);
            lines++;
        }
        return lines;
    }
}
