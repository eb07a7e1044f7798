package org.dsrcnn.viewer.canvas;

import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.dsrcnn.engine.trace.StageTrace;

/** The selected proposal: its box at every stage (dashed, fading in), the current stage's box bold and tagged. */
public final class SelectionLayer implements OverlayLayer {

    /** Colour of the selected proposal. */
    public static final Color SELECTION = Color.web("#ffd400");

    private static final double[] DASH = {6, 4};

    @Override
    public String name() {
        return "selection";
    }

    @Override
    public int draw(FrameContext f) {
        int p = f.selectedProposal();
        if (p < 0) {
            return 0;
        }
        GraphicsContext gc = f.gc();
        ViewTransform t = f.transform();
        int stage = f.stage();
        List<StageTrace> stages = f.trace().stages();
        gc.setLineDashes(DASH);
        for (int st = 0; st < stages.size(); st++) {
            if (st == stage) {
                continue;
            }
            gc.setLineWidth(1.0);
            gc.setStroke(new Color(SELECTION.getRed(), SELECTION.getGreen(), SELECTION.getBlue(),
                    0.25 + 0.5 * st / Math.max(1, stages.size() - 1)));
            Strokes.strokeBox(gc, t, stages.get(st).boxes()[p]);
        }
        gc.setLineDashes((double[]) null);
        float[] b = stages.get(stage).boxes()[p];
        gc.setLineWidth(4.0);
        gc.setStroke(Color.rgb(0, 0, 0, 0.6));
        Strokes.strokeBox(gc, t, b);
        gc.setLineWidth(2.5);
        gc.setStroke(SELECTION);
        Strokes.strokeBox(gc, t, b);
        StageTrace st = stages.get(stage);
        String tag = "#" + p + " stage " + stage;
        if (st.logits() != null) {
            tag += " " + f.className(st.topClass(p)) + String.format(Locale.ROOT, " %.2f", st.topScore(p));
        }
        f.tags().draw(gc, tag, t.toViewX(b[0]), t.toViewY(b[3]), SELECTION, Color.BLACK, false);
        return stages.size();
    }
}
