package org.dsrcnn.viewer.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.StageTrace;
import org.dsrcnn.viewer.ClassColors;

/**
 * Each proposal's path through the box centres of stages 0..T, coloured by its final class and
 * faded by its final score, with a dot at the current stage. The lines do not depend on the stage,
 * so while the view stays put they are a {@link StillLayer}.
 */
public final class TrailsLayer implements OverlayLayer {

    private static final int TRAIL_STEPS = 4;
    private final StillLayer lines = new StillLayer(Color.TRANSPARENT);

    @Override
    public String name() {
        return "trails";
    }

    @Override
    public int draw(FrameContext f) {
        DetectionTrace trace = f.trace();
        if (trace == null || !f.state().layers().trails()) {
            return 0;
        }
        lines.paint(f.gc(), trace, f.transform(), f.width(), f.height(), g -> drawLines(g, f.transform(), trace));
        drawDots(f.gc(), f.transform(), trace, f.stage());
        return trace.numProposals();
    }

    /** (class, opacity step) groups of proposals: one path each. */
    private static Map<Integer, List<Integer>> groups(DetectionTrace trace) {
        StageTrace last = trace.stages().get(trace.numStages());
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < trace.numProposals(); i++) {
            float score = last.logits() == null ? 0.5f : last.topScore(i);
            int step = Math.min(TRAIL_STEPS - 1, (int) (score * TRAIL_STEPS));
            groups.computeIfAbsent(last.topClass(i) * TRAIL_STEPS + step, k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static Color color(int groupKey) {
        int label = Math.floorDiv(groupKey, TRAIL_STEPS);
        int step = Math.floorMod(groupKey, TRAIL_STEPS);
        return ClassColors.of(label, 0.25 + 0.6 * (step + 0.5) / TRAIL_STEPS);
    }

    private static void drawDots(GraphicsContext gc, ViewTransform t, DetectionTrace trace, int stage) {
        float[][] boxes = trace.stages().get(stage).boxes();
        for (Map.Entry<Integer, List<Integer>> g : groups(trace).entrySet()) {
            gc.setFill(color(g.getKey()));
            for (int i : g.getValue()) {
                float[] b = boxes[i];
                gc.fillRect(Math.round(t.toViewX((b[0] + b[2]) * 0.5)) - 2,
                        Math.round(t.toViewY((b[1] + b[3]) * 0.5)) - 2, 4, 4);
            }
        }
    }

    /**
     * Proposals are grouped by (class, opacity step) and each group is one path: the software
     * rasteriser pays mostly per stroke call, not per segment.
     */
    private static void drawLines(GraphicsContext gc, ViewTransform t, DetectionTrace trace) {
        List<StageTrace> stages = trace.stages();
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineJoin(StrokeLineJoin.MITER);
        gc.setLineWidth(1.2);
        gc.setLineDashes((double[]) null);
        for (Map.Entry<Integer, List<Integer>> g : groups(trace).entrySet()) {
            gc.setStroke(color(g.getKey()));
            gc.beginPath();
            for (int i : g.getValue()) {
                for (int st = 0; st < stages.size(); st++) {
                    float[] b = stages.get(st).boxes()[i];
                    double cx = t.toViewX((b[0] + b[2]) * 0.5);
                    double cy = t.toViewY((b[1] + b[3]) * 0.5);
                    if (st == 0) {
                        gc.moveTo(cx, cy);
                    } else {
                        gc.lineTo(cx, cy);
                    }
                }
            }
            gc.stroke();
        }
    }
}
