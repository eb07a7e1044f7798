package org.dsrcnn.viewer.canvas;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The ground-truth boxes: white dashed outlines on a dark halo, tagged "GT class". */
public final class GroundTruthLayer implements OverlayLayer {

    private static final double[] DASH = {8, 3};

    @Override
    public String name() {
        return "groundTruth";
    }

    @Override
    public int draw(FrameContext f) {
        LabeledBoxes gt = f.state().groundTruth();
        if (gt == null || !f.state().layers().groundTruth()) {
            return 0;
        }
        GraphicsContext gc = f.gc();
        gc.setLineDashes(DASH);
        for (int i = 0; i < gt.size(); i++) {
            gc.setLineWidth(3.0);
            gc.setStroke(Color.rgb(0, 0, 0, 0.7));
            Strokes.strokeBox(gc, f.transform(), gt.boxes()[i]);
            gc.setLineWidth(1.5);
            gc.setStroke(Color.WHITE);
            Strokes.strokeBox(gc, f.transform(), gt.boxes()[i]);
        }
        gc.setLineDashes((double[]) null);
        for (int i = 0; i < gt.size(); i++) {
            float[] b = gt.boxes()[i];
            f.tags().draw(gc, "GT " + f.className(gt.labels()[i]), f.transform().toViewX(b[0]),
                    f.transform().toViewY(b[3]), Color.WHITE, Color.BLACK, false);
        }
        return gt.size();
    }
}
