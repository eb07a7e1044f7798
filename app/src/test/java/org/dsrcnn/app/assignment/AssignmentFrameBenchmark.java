package org.dsrcnn.app.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.dsrcnn.viewer.canvas.EditableBoxesLayer;
import org.dsrcnn.viewer.canvas.LabeledBoxes;
import org.dsrcnn.viewer.canvas.OverlayRenderer;
import org.dsrcnn.viewer.canvas.OverlayState;
import org.dsrcnn.viewer.canvas.OverlayLayers;
import org.dsrcnn.viewer.canvas.ViewTransform;

/**
 * The frame time of the Assignment canvas while a GT box is dragged: a 1333x800 image on a
 * 1280x800 canvas, 300 predictions of which 60 are positives of 20 GT (a line each), the 20 GT
 * boxes with the selected one's handles, the dragged box moving a pixel per frame. Reports the
 * median and p95 of the draw calls and of draw + rasterise (a snapshot forces JavaFX's software
 * rasteriser to run the frame). A main class, not a test: no timing is asserted anywhere.
 *
 * <pre>java -cp app/target/test-classes:app/target/classes:app/target/lib/* -Dglass.platform=Monocle
 *   -Dmonocle.platform=Headless -Dprism.order=sw org.dsrcnn.app.assignment.AssignmentFrameBenchmark</pre>
 */
public final class AssignmentFrameBenchmark {

    private AssignmentFrameBenchmark() {}

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        CompletableFuture<double[][]> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                done.complete(run(frames));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        double[][] r = done.get();
        System.out.println(String.format(Locale.ROOT,
                "assignment canvas, 300 predictions, 20 GT, 60 lines, %d frames: draw calls median %.2f ms p95 %.2f ms;"
                        + " draw + rasterise median %.2f ms p95 %.2f ms",
                frames, pct(r[0], 50), pct(r[0], 95), pct(r[1], 50), pct(r[1], 95)));
        Platform.exit();
    }

    private static double[][] run(int frames) {
        Random rnd = new Random(3);
        int n = 300;
        int m = 20;
        float[][] gt = new float[m][];
        for (int i = 0; i < m; i++) {
            float x = rnd.nextFloat() * 1100;
            float y = rnd.nextFloat() * 600;
            gt[i] = new float[] {x, y, x + 40 + rnd.nextFloat() * 180, y + 40 + rnd.nextFloat() * 180};
        }
        float[][] boxes = new float[n][];
        int[] gtOf = new int[n];
        for (int j = 0; j < n; j++) {
            float[] g = gt[j % m];
            float d = (float) rnd.nextGaussian() * 15;
            boxes[j] = new float[] {g[0] + d, g[1] - d, g[2] + d, g[3] + d};
            gtOf[j] = j < 60 ? j % m : -1;
        }
        List<String> captions = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            captions.add("GT " + i + " class");
            colors.add(AssignmentPage.GT_COLORS.get(i % AssignmentPage.GT_COLORS.size()));
        }
        OverlayRenderer renderer = new OverlayRenderer();
        AssignmentLayer lines = new AssignmentLayer("assignment");
        EditableBoxesLayer edit = new EditableBoxesLayer("editableGt");
        renderer.addLayer(lines);
        renderer.addLayer(edit);
        Canvas canvas = new Canvas(1280, 800);
        WritableImage image = new WritableImage(1333, 800);
        WritableImage target = new WritableImage(1280, 800);
        ViewTransform t = new ViewTransform();
        t.fit(1333, 800, 1280, 800, 12);
        OverlayState state = new OverlayState(null, 6, List.of(), LabeledBoxes.EMPTY,
                new OverlayLayers(false, false, false, false, false), -1);
        double[] draw = new double[frames];
        double[] raster = new double[frames];
        for (int i = -30; i < frames; i++) {
            float[][] moved = gt.clone();
            float dx = i % 40;
            moved[0] = new float[] {gt[0][0] + dx, gt[0][1], gt[0][2] + dx, gt[0][3]};
            long t0 = System.nanoTime();
            lines.dataProperty().set(new AssignmentLayer.Data(boxes, gtOf, moved, AssignmentPage.GT_COLORS));
            edit.boxesProperty().set(new EditableBoxesLayer.Boxes(moved, captions, colors, 0, null));
            renderer.render(canvas.getGraphicsContext2D(), image, t, 1280, 800, state);
            long t1 = System.nanoTime();
            canvas.snapshot(null, target);
            long t2 = System.nanoTime();
            if (i >= 0) {
                draw[i] = (t1 - t0) / 1e6;
                raster[i] = (t2 - t0) / 1e6;
            }
        }
        return new double[][] {draw, raster};
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.round(p / 100.0 * (s.length - 1)))];
    }
}
