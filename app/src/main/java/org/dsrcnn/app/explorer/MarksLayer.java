package org.dsrcnn.app.explorer;

import java.util.Locale;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.dsrcnn.engine.eval.ImageMatching;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.viewer.canvas.FrameContext;
import org.dsrcnn.viewer.canvas.OverlayLayer;
import org.dsrcnn.viewer.canvas.Strokes;
import org.dsrcnn.viewer.canvas.ViewTransform;

/**
 * TP / FP / FN marks over the detections: a tag in the box's lower left corner, "TP .83" (the IoU
 * with its GT) on green or "FP" on red, a red dashed outline inside an FP box, and every missed GT
 * box (FN) as a thick yellow dashed outline tagged "FN class". The marks use tags and line styles,
 * not the class colours, so they read on any class.
 */
final class MarksLayer implements OverlayLayer {

    static final Color TP = Color.web("#1a7f37");
    static final Color FP = Color.web("#cf222e");
    static final Color FN = Color.web("#ffd33d");
    private static final double[] DASH = {6, 4};

    private GroundTruthMarks marks;
    private Set<Integer> hidden = Set.of();
    private boolean on = true;
    private Runnable repaint = () -> { };

    @Override
    public String name() {
        return "gtMarks";
    }

    @Override
    public void attach(Runnable repaint) {
        this.repaint = repaint;
    }

    void show(GroundTruthMarks marks, Set<Integer> hidden, boolean on) {
        this.marks = marks;
        this.hidden = Set.copyOf(hidden);
        this.on = on;
        repaint.run();
    }

    @Override
    public int draw(FrameContext f) {
        if (!on || marks == null || marks.groundTruth().size() == 0 || !f.state().layers().detections()) {
            return 0;
        }
        GraphicsContext gc = f.gc();
        ViewTransform t = f.transform();
        int drawn = 0;
        for (int i = 0; i < marks.detections().size(); i++) {
            Detection d = marks.detections().get(i);
            if (d.score() < marks.minScore() || hidden.contains(d.label())) {
                continue;
            }
            ImageMatching.Outcome o = marks.outcome(i);
            float[] b = d.box();
            if (o == ImageMatching.Outcome.FP) {
                gc.setLineDashes(DASH);
                gc.setLineWidth(1.5);
                gc.setStroke(FP);
                float[] inner = {b[0] + 3 / (float) t.scale(), b[1] + 3 / (float) t.scale(), b[2] - 3 / (float) t.scale(),
                    b[3] - 3 / (float) t.scale()};
                Strokes.strokeBox(gc, t, inner);
                gc.setLineDashes((double[]) null);
            }
            String tag = switch (o) {
                case TP -> String.format(Locale.ROOT, "TP %.2f", marks.matchIou(i));
                case FP -> "FP";
                case IGNORED -> "crowd";
                case NOT_EVALUATED -> "n/e";
            };
            Color fill = o == ImageMatching.Outcome.TP ? TP : o == ImageMatching.Outcome.FP ? FP : Color.gray(0.5);
            // inside the box's lower left corner, or lower where a label already is
            f.tags().drawFree(gc, tag, t.toViewX(b[0]) + 2, t.toViewY(b[3]) - 2, fill, Color.WHITE, true, 3);
            drawn++;
        }
        LabeledBoxesView crowd = new LabeledBoxesView(marks);
        for (int c = 0; c < crowd.size(); c++) {
            float[] b = crowd.box(c);
            gc.setLineDashes(2, 3);
            gc.setLineWidth(2);
            gc.setStroke(Color.gray(0.85));
            Strokes.strokeBox(gc, t, b);
            gc.setLineDashes((double[]) null);
            f.tags().draw(gc, "crowd " + f.className(crowd.label(c)) + " (ignored)", t.toViewX(b[0]),
                    t.toViewY(b[3]) + 1, Color.gray(0.85), Color.BLACK, false);
        }
        var gt = marks.groundTruth();
        for (int g = 0; g < gt.size(); g++) {
            if (marks.found(g) || hidden.contains(gt.labels()[g])) {
                continue;
            }
            float[] b = gt.boxes()[g];
            gc.setLineDashes(DASH);
            gc.setLineWidth(4);
            gc.setStroke(Color.rgb(0, 0, 0, 0.75));
            Strokes.strokeBox(gc, t, b);
            gc.setLineWidth(2.5);
            gc.setStroke(FN);
            Strokes.strokeBox(gc, t, b);
            gc.setLineDashes((double[]) null);
            f.tags().drawFree(gc, "FN " + f.className(gt.labels()[g]), t.toViewX(b[0]), t.toViewY(b[3]) + 16, FN,
                    Color.BLACK, false, 3); // under the GT layer's own "GT class" tag
            drawn++;
        }
        return drawn;
    }

    /** The crowd regions of the matching: the GT entries after the regular ones. */
    private record LabeledBoxesView(GroundTruthMarks marks) {
        int size() {
            return marks.matching().groundTruth().size() - marks.groundTruth().size();
        }

        float[] box(int c) {
            var a = marks.matching().groundTruth().get(marks.groundTruth().size() + c);
            return new float[] {(float) a.x(), (float) a.y(), (float) (a.x() + a.w()), (float) (a.y() + a.h())};
        }

        int label(int c) {
            return marks.matching().groundTruth().get(marks.groundTruth().size() + c).categoryId();
        }
    }
}
