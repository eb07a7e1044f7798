package org.dsrcnn.viewer.canvas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.viewer.ClassColors;

/**
 * The final detections with {@code label (score)} tags. Boxes are drawn lowest score first, so a
 * confident box is never under a doubtful one; tags are placed best score first where no tag is
 * yet (moved down, or left out when three places are taken), so where labels collide the best one
 * stays readable and a low-scoring one gives way.
 */
public final class DetectionsLayer implements OverlayLayer {

    @Override
    public String name() {
        return "detections";
    }

    @Override
    public int draw(FrameContext f) {
        List<Detection> dets = f.state().detections();
        if (dets == null || !f.state().layers().detections()) {
            return 0;
        }
        List<Detection> order = new ArrayList<>(dets);
        order.sort(Comparator.comparingDouble(Detection::score)); // stable: equal scores keep their order
        f.gc().setLineDashes((double[]) null);
        for (Detection d : order) {
            f.gc().setFill(ClassColors.of(d.label()));
            Strokes.fillOutline(f.gc(), f.transform(), d.box(), 2);
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Detection d = order.get(i);
            String tag = f.className(d.label()) + String.format(Locale.ROOT, " (%.2f)", d.score());
            Color c = ClassColors.of(d.label());
            f.tags().drawFree(f.gc(), tag, f.transform().toViewX(d.box()[0]), f.transform().toViewY(d.box()[1]), c,
                    Tags.textOn(c), true, 3);
        }
        return order.size();
    }
}
