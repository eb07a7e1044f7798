package org.dsrcnn.viewer.canvas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.ExpertTrace;
import org.dsrcnn.engine.trace.StageTrace;
import org.dsrcnn.viewer.ClassColors;
import org.dsrcnn.viewer.ExpertColors;

/**
 * Draws an image and its overlay layers from a cached {@link OverlayState} onto a canvas: no
 * model, no I/O, so every slider, stage or toggle change is one call of {@link #render}.
 *
 * <p>Order (back to front): image, trails, stage boxes (largest first), ground truth, detections
 * (largest first, so small ones stay visible, as detectron2's visualizer does), the selected
 * proposal's boxes through the stages, its expert boxes.
 */
public final class OverlayRenderer {

    /** Canvas background around the image. */
    public static final Color BACKGROUND = Color.web("#2f3237");

    /** Colour of the selected proposal. */
    public static final Color SELECTION = Color.web("#ffd400");

    private static final Color STAGE0_COLOR = Color.web("#8ecae6");
    private static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 12);
    private static final Font SMALL_FONT = Font.font("System", 11);
    private static final double[] DASH = {6, 4};
    private static final double[] GT_DASH = {8, 3};
    private static final int TRAIL_STEPS = 4;

    private final Map<String, Double> textWidths = new HashMap<>();
    private final Text measurer = new Text();
    private final StillLayer imageLayer = new StillLayer(BACKGROUND);
    private final StillLayer trailLayer = new StillLayer(Color.TRANSPARENT);

    /**
     * Draws one frame.
     *
     * @param gc the canvas graphics context (FX thread, or a canvas not yet in a scene)
     * @param image the original image, or null
     * @param t original-image px to view px
     * @param width canvas width
     * @param height canvas height
     * @param s what to draw; all boxes xyxy in original-image px
     * @return what was drawn
     */
    public RenderedFrame render(
            GraphicsContext gc, Image image, ViewTransform t, double width, double height, OverlayState s) {
        gc.save();
        if (image != null) {
            imageLayer.paint(gc, image, t, width, height, g -> {
                g.setFill(BACKGROUND);
                g.fillRect(0, 0, width, height);
                g.setImageSmoothing(t.scale() < 2.0);
                g.drawImage(image, t.offsetX(), t.offsetY(), image.getWidth() * t.scale(), image.getHeight() * t.scale());
            });
        } else {
            gc.setFill(BACKGROUND);
            gc.fillRect(0, 0, width, height);
        }
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineJoin(StrokeLineJoin.MITER);
        DetectionTrace trace = s.trace();
        OverlayLayers layers = s.layers();
        int stage = trace == null ? 0 : Math.max(0, Math.min(s.stage(), trace.numStages()));
        int trails = 0;
        int stageBoxes = 0;
        int gt = 0;
        int detections = 0;
        int selected = 0;
        int experts = 0;
        if (trace != null && layers.trails()) {
            trails = drawTrails(gc, t, trace, stage, width, height);
        }
        if (trace != null && layers.stageBoxes()) {
            stageBoxes = drawStageBoxes(gc, t, trace.stages().get(stage));
        }
        if (layers.groundTruth() && s.groundTruth() != null) {
            gt = drawGroundTruth(gc, t, s.groundTruth(), trace);
        }
        if (layers.detections() && s.detections() != null) {
            detections = drawDetections(gc, t, s.detections(), trace);
        }
        int p = s.selectedProposal();
        if (trace != null && p >= 0 && p < trace.numProposals()) {
            if (layers.expertBoxes() && trace.experts() != null && stage == 0) {
                experts = drawExpertBoxes(gc, t, trace.experts(), trace.stages().get(0).boxes()[p], p);
            }
            selected = drawSelection(gc, t, trace, stage, p);
            if (layers.expertBoxes() && trace.experts() != null && stage != 0) {
                experts = drawExpertBoxes(gc, t, trace.experts(), trace.stages().get(0).boxes()[p], p);
            }
        }
        gc.restore();
        return new RenderedFrame(stage, stageBoxes, detections, trails, gt, experts, selected);
    }

    /**
     * Trails: the lines do not depend on the stage (only the dots marking the current stage do),
     * so while the view stays put they are a {@link StillLayer}.
     */
    private int drawTrails(
            GraphicsContext gc, ViewTransform t, DetectionTrace trace, int stage, double width, double height) {
        trailLayer.paint(gc, trace, t, width, height, g -> drawTrailLines(g, t, trace));
        drawTrailDots(gc, t, trace, stage);
        return trace.numProposals();
    }

    /** (class, opacity step) groups of proposals: one path each. */
    private static Map<Integer, List<Integer>> trailGroups(DetectionTrace trace) {
        StageTrace last = trace.stages().get(trace.numStages());
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < trace.numProposals(); i++) {
            float score = last.logits() == null ? 0.5f : last.topScore(i);
            int step = Math.min(TRAIL_STEPS - 1, (int) (score * TRAIL_STEPS));
            groups.computeIfAbsent(last.topClass(i) * TRAIL_STEPS + step, k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static Color trailColor(int groupKey) {
        int label = Math.floorDiv(groupKey, TRAIL_STEPS);
        int step = Math.floorMod(groupKey, TRAIL_STEPS);
        return ClassColors.of(label, 0.25 + 0.6 * (step + 0.5) / TRAIL_STEPS);
    }

    private static void drawTrailDots(GraphicsContext gc, ViewTransform t, DetectionTrace trace, int stage) {
        float[][] boxes = trace.stages().get(stage).boxes();
        for (Map.Entry<Integer, List<Integer>> g : trailGroups(trace).entrySet()) {
            gc.setFill(trailColor(g.getKey()));
            for (int i : g.getValue()) {
                float[] b = boxes[i];
                gc.fillRect(Math.round(t.toViewX((b[0] + b[2]) * 0.5)) - 2,
                        Math.round(t.toViewY((b[1] + b[3]) * 0.5)) - 2, 4, 4);
            }
        }
    }

    /**
     * Each proposal's path through the box centres of stages 0..T, coloured by its final class and
     * faded by its final score. Proposals are grouped by (class, opacity step) and each group is
     * one path: the software rasteriser pays mostly per stroke call, not per segment.
     */
    private static void drawTrailLines(GraphicsContext gc, ViewTransform t, DetectionTrace trace) {
        List<StageTrace> stages = trace.stages();
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineJoin(StrokeLineJoin.MITER);
        gc.setLineWidth(1.2);
        gc.setLineDashes((double[]) null);
        for (Map.Entry<Integer, List<Integer>> g : trailGroups(trace).entrySet()) {
            gc.setStroke(trailColor(g.getKey()));
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

    private int drawStageBoxes(GraphicsContext gc, ViewTransform t, StageTrace st) {
        float[][] boxes = st.boxes();
        Integer[] order = byAreaDescending(boxes);
        gc.setLineWidth(1.0);
        gc.setLineDashes((double[]) null);
        for (int i : order) {
            Color c;
            if (st.logits() == null) {
                c = new Color(STAGE0_COLOR.getRed(), STAGE0_COLOR.getGreen(), STAGE0_COLOR.getBlue(), 0.45);
            } else {
                c = ClassColors.of(st.topClass(i), 0.2 + 0.8 * st.topScore(i));
            }
            gc.setFill(c);
            fillOutline(gc, t, boxes[i], 1);
        }
        return boxes.length;
    }

    private int drawGroundTruth(GraphicsContext gc, ViewTransform t, LabeledBoxes gt, DetectionTrace trace) {
        gc.setLineDashes(GT_DASH);
        for (int i = 0; i < gt.size(); i++) {
            gc.setLineWidth(3.0);
            gc.setStroke(Color.rgb(0, 0, 0, 0.7));
            strokeBox(gc, t, gt.boxes()[i]);
            gc.setLineWidth(1.5);
            gc.setStroke(Color.WHITE);
            strokeBox(gc, t, gt.boxes()[i]);
        }
        gc.setLineDashes((double[]) null);
        for (int i = 0; i < gt.size(); i++) {
            float[] b = gt.boxes()[i];
            String name = className(trace, gt.labels()[i]);
            drawTag(gc, "GT " + name, t.toViewX(b[0]), t.toViewY(b[3]), Color.WHITE, Color.BLACK, false);
        }
        return gt.size();
    }

    private int drawDetections(GraphicsContext gc, ViewTransform t, List<Detection> dets, DetectionTrace trace) {
        List<Detection> order = new ArrayList<>(dets);
        order.sort(Comparator.comparingDouble((Detection d) -> area(d.box())).reversed());
        gc.setLineDashes((double[]) null);
        for (Detection d : order) {
            gc.setFill(ClassColors.of(d.label()));
            fillOutline(gc, t, d.box(), 2);
        }
        for (Detection d : order) {
            String tag = className(trace, d.label()) + String.format(Locale.ROOT, " (%.2f)", d.score());
            Color c = ClassColors.of(d.label());
            drawTag(gc, tag, t.toViewX(d.box()[0]), t.toViewY(d.box()[1]), c, textOn(c), true);
        }
        return order.size();
    }

    private int drawSelection(GraphicsContext gc, ViewTransform t, DetectionTrace trace, int stage, int p) {
        List<StageTrace> stages = trace.stages();
        gc.setLineDashes(DASH);
        for (int st = 0; st < stages.size(); st++) {
            if (st == stage) {
                continue;
            }
            gc.setLineWidth(1.0);
            gc.setStroke(new Color(SELECTION.getRed(), SELECTION.getGreen(), SELECTION.getBlue(),
                    0.25 + 0.5 * st / Math.max(1, stages.size() - 1)));
            strokeBox(gc, t, stages.get(st).boxes()[p]);
        }
        gc.setLineDashes((double[]) null);
        float[] b = stages.get(stage).boxes()[p];
        gc.setLineWidth(4.0);
        gc.setStroke(Color.rgb(0, 0, 0, 0.6));
        strokeBox(gc, t, b);
        gc.setLineWidth(2.5);
        gc.setStroke(SELECTION);
        strokeBox(gc, t, b);
        StageTrace st = stages.get(stage);
        String tag = "#" + p + " stage " + stage;
        if (st.logits() != null) {
            tag += " " + className(trace, st.topClass(p)) + String.format(Locale.ROOT, " %.2f", st.topScore(p));
        }
        drawTag(gc, tag, t.toViewX(b[0]), t.toViewY(b[3]), SELECTION, Color.BLACK, false);
        return stages.size();
    }

    private int drawExpertBoxes(GraphicsContext gc, ViewTransform t, ExpertTrace ex, float[] mixed, int p) {
        int ne = ex.experts();
        gc.setLineDashes(DASH);
        for (int e = 0; e < ne; e++) {
            float w = ex.weights()[p][e];
            gc.setLineWidth(1.0 + 3.0 * w);
            gc.setStroke(ExpertColors.of(e));
            strokeBox(gc, t, ex.expertBoxes()[e][p]);
        }
        gc.setLineDashes((double[]) null);
        for (int e = 0; e < ne; e++) {
            float[] b = ex.expertBoxes()[e][p];
            String tag = String.format(Locale.ROOT, "E%d %.2f", e + 1, ex.weights()[p][e]);
            drawTag(gc, tag, t.toViewX(b[2]), t.toViewY(b[1]), ExpertColors.of(e), Color.WHITE, true);
        }
        gc.setLineWidth(1.5);
        gc.setStroke(Color.WHITE);
        strokeBox(gc, t, mixed);
        return ne;
    }

    /**
     * A box outline {@code px} view pixels wide as four pixel-aligned filled rectangles: the
     * software rasteriser fills aligned rectangles several times faster than it strokes paths.
     */
    private static void fillOutline(GraphicsContext gc, ViewTransform t, float[] b, int px) {
        double x1 = Math.round(t.toViewX(Math.min(b[0], b[2])));
        double y1 = Math.round(t.toViewY(Math.min(b[1], b[3])));
        double x2 = Math.round(t.toViewX(Math.max(b[0], b[2])));
        double y2 = Math.round(t.toViewY(Math.max(b[1], b[3])));
        double w = Math.max(px, x2 - x1);
        double h = Math.max(px, y2 - y1);
        gc.fillRect(x1, y1, w, px);
        gc.fillRect(x1, y1 + h - px, w, px);
        gc.fillRect(x1, y1 + px, px, h - 2 * px);
        gc.fillRect(x1 + w - px, y1 + px, px, h - 2 * px);
    }

    private static void strokeBox(GraphicsContext gc, ViewTransform t, float[] b) {
        double x1 = t.toViewX(Math.min(b[0], b[2]));
        double y1 = t.toViewY(Math.min(b[1], b[3]));
        double x2 = t.toViewX(Math.max(b[0], b[2]));
        double y2 = t.toViewY(Math.max(b[1], b[3]));
        gc.strokeRect(x1, y1, x2 - x1, y2 - y1);
    }

    /** A filled tag with text; above the anchor when {@code above}, else below it. */
    private void drawTag(GraphicsContext gc, String text, double x, double y, Color fill, Color ink, boolean above) {
        Font font = above ? LABEL_FONT : SMALL_FONT;
        double w = textWidth(text, font) + 6;
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

    private double textWidth(String text, Font font) {
        String key = font.getSize() + "|" + text;
        Double w = textWidths.get(key);
        if (w == null) {
            if (textWidths.size() > 4096) {
                textWidths.clear();
            }
            measurer.setFont(font);
            measurer.setText(text);
            w = measurer.getLayoutBounds().getWidth();
            textWidths.put(key, w);
        }
        return w;
    }

    private static String className(DetectionTrace trace, int label) {
        if (trace != null && label >= 0 && label < trace.classNames().size()) {
            return trace.classNames().get(label);
        }
        return label < 0 ? "?" : "class " + label;
    }

    /** Black or white, whichever reads better on {@code c} (relative luminance). */
    static Color textOn(Color c) {
        double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return lum > 0.55 ? Color.BLACK : Color.WHITE;
    }

    private static double area(float[] b) {
        return Math.abs((b[2] - b[0]) * (b[3] - b[1]));
    }

    private static Integer[] byAreaDescending(float[][] boxes) {
        Integer[] order = new Integer[boxes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(area(boxes[b]), area(boxes[a])));
        return order;
    }
}
