package org.dsrcnn.viewer.canvas;

import javafx.scene.paint.Color;
import org.dsrcnn.engine.trace.StageTrace;
import org.dsrcnn.viewer.ClassColors;

/** Every proposal's box at the selected stage, largest first, in its top class's colour faded by score. */
public final class StageBoxesLayer implements OverlayLayer {

    private static final Color STAGE0 = Color.web("#8ecae6", 0.45);

    @Override
    public String name() {
        return "stageBoxes";
    }

    @Override
    public int draw(FrameContext f) {
        if (f.trace() == null || !f.state().layers().stageBoxes()) {
            return 0;
        }
        StageTrace st = f.trace().stages().get(f.stage());
        float[][] boxes = st.boxes();
        Integer[] order = new Integer[boxes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Strokes.area(boxes[b]), Strokes.area(boxes[a])));
        f.gc().setLineDashes((double[]) null);
        for (int i : order) {
            f.gc().setFill(st.logits() == null ? STAGE0 : ClassColors.of(st.topClass(i), 0.2 + 0.8 * st.topScore(i)));
            Strokes.fillOutline(f.gc(), f.transform(), boxes[i], 1);
        }
        return boxes.length;
    }
}
