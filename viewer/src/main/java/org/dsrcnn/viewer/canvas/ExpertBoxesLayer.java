package org.dsrcnn.viewer.canvas;

import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.dsrcnn.engine.trace.ExpertTrace;
import org.dsrcnn.viewer.ExpertColors;

/**
 * For the selected proposal of a DPG model: each expert's candidate box (dashed, line width by its
 * weight, tagged "E1 0.42"; tags sharing a corner are stacked) and the mixed box entering stage 1 (white).
 */
public final class ExpertBoxesLayer implements OverlayLayer {

    private static final double[] DASH = {6, 4};

    @Override
    public String name() {
        return "expertBoxes";
    }

    @Override
    public int draw(FrameContext f) {
        int p = f.selectedProposal();
        if (p < 0 || !f.state().layers().expertBoxes() || f.trace().experts() == null) {
            return 0;
        }
        ExpertTrace ex = f.trace().experts();
        GraphicsContext gc = f.gc();
        ViewTransform t = f.transform();
        int ne = ex.experts();
        gc.setLineDashes(DASH);
        for (int e = 0; e < ne; e++) {
            gc.setLineWidth(1.0 + 3.0 * ex.weights()[p][e]);
            gc.setStroke(ExpertColors.of(e));
            Strokes.strokeBox(gc, t, ex.expertBoxes()[e][p]);
        }
        gc.setLineDashes((double[]) null);
        for (int e = 0; e < ne; e++) {
            float[] b = ex.expertBoxes()[e][p];
            String tag = String.format(Locale.ROOT, "E%d %.2f", e + 1, ex.weights()[p][e]);
            // experts often agree on a corner: stack their tags instead of painting one over the other
            f.tags().drawFree(gc, tag, t.toViewX(b[2]), t.toViewY(b[1]), ExpertColors.of(e), Color.WHITE, true, ne + 1);
        }
        gc.setLineWidth(1.5);
        gc.setStroke(Color.WHITE);
        Strokes.strokeBox(gc, t, f.trace().stages().get(0).boxes()[p]);
        return ne;
    }
}
