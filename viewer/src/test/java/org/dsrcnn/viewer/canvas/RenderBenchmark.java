package org.dsrcnn.viewer.canvas;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.viewer.FxTestSupport;
import org.dsrcnn.viewer.SyntheticTraces;

/**
 * Times the render path from a cached trace: 300 proposals x 7 stages (T = 6), 80 classes,
 * 4 experts, a 1333x800 image on a 1280x800 canvas, every layer on (trails, stage boxes, 100
 * detections, a selected proposal with its expert boxes), the stage cycling 0..6 as a scrubber
 * drag would. Reports the median and p95 of (a) the draw calls alone and (b) draw + snapshot,
 * which forces the (software) rasteriser to execute the frame. Run it as a main class (not a
 * test: no timing is asserted anywhere):
 *
 * <pre>java -cp viewer/target/test-classes:viewer/target/classes:... -Dglass.platform=Monocle
 *   -Dmonocle.platform=Headless -Dprism.order=sw org.dsrcnn.viewer.canvas.RenderBenchmark</pre>
 */
public final class RenderBenchmark {

    private RenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        DetectionTrace trace = SyntheticTraces.random(300, 6, 80, 4, 1333, 800, 1);
        List<Detection> top100 = trace.detections().subList(0, 100);
        double[][] r = FxTestSupport.onFx(() -> {
            Canvas canvas = new Canvas(1280, 800);
            WritableImage image = new WritableImage(1333, 800);
            ViewTransform t = new ViewTransform();
            t.fit(1333, 800, 1280, 800, 12);
            OverlayRenderer renderer = new OverlayRenderer();
            WritableImage target = new WritableImage(1280, 800); // reused: a frame allocates no image
            double[] draw = new double[frames];
            double[] drawAndRaster = new double[frames];
            for (int warm = 0; warm < 30; warm++) {
                render(renderer, canvas, image, t, trace, top100, warm % 7);
                canvas.snapshot(null, target);
            }
            for (int i = 0; i < frames; i++) {
                long t0 = System.nanoTime();
                render(renderer, canvas, image, t, trace, top100, i % 7);
                long t1 = System.nanoTime();
                canvas.snapshot(null, target);
                long t2 = System.nanoTime();
                draw[i] = (t1 - t0) / 1e6;
                drawAndRaster[i] = (t2 - t0) / 1e6;
            }
            return new double[][] {draw, drawAndRaster};
        });
        System.out.println(String.format(Locale.ROOT,
                "render 300 proposals x 7 stages, all layers, %d frames: draw calls median %.2f ms p95 %.2f ms;"
                        + " draw + rasterise (snapshot) median %.2f ms p95 %.2f ms",
                frames, pct(r[0], 50), pct(r[0], 95), pct(r[1], 50), pct(r[1], 95)));
        if (args.length > 1) {
            breakdown(trace, top100, frames);
        }
        System.exit(0);
    }

    /** The same frame with one layer at a time, to see where the rasteriser spends its time. */
    private static void breakdown(DetectionTrace trace, List<Detection> dets, int frames) throws Exception {
        OverlayLayers none = new OverlayLayers(false, false, false, false, false);
        OverlayLayers[] variants = {
            none, // without the image either: the floor of filling and reading back the canvas
            none,
            new OverlayLayers(true, false, false, false, false),
            new OverlayLayers(false, false, true, false, false),
            new OverlayLayers(false, false, false, true, false),
        };
        String[] names = {"empty canvas", "image only", "+detections", "+stage boxes", "+trails"};
        for (int v = 0; v < variants.length; v++) {
            OverlayLayers layers = variants[v];
            boolean withImage = v > 0;
            double[] ms = FxTestSupport.onFx(() -> {
                Canvas canvas = new Canvas(1280, 800);
                WritableImage image = withImage ? new WritableImage(1333, 800) : null;
                ViewTransform t = new ViewTransform();
                t.fit(1333, 800, 1280, 800, 12);
                OverlayRenderer renderer = new OverlayRenderer();
                WritableImage target = new WritableImage(1280, 800);
                double[] out = new double[frames / 4];
                for (int i = -10; i < out.length; i++) {
                    long t0 = System.nanoTime();
                    OverlayState s = new OverlayState(trace, Math.floorMod(i, 7), dets, LabeledBoxes.EMPTY, layers, -1);
                    renderer.render(canvas.getGraphicsContext2D(), image, t, 1280, 800, s);
                    canvas.snapshot(null, target);
                    if (i >= 0) {
                        out[i] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                return out;
            });
            System.out.println(String.format(Locale.ROOT, "  %-14s draw + rasterise median %.2f ms", names[v], pct(ms, 50)));
        }
    }

    private static void render(OverlayRenderer renderer, Canvas canvas, WritableImage image, ViewTransform t,
            DetectionTrace trace, List<Detection> dets, int stage) {
        OverlayState s = new OverlayState(trace, stage, dets, LabeledBoxes.EMPTY, OverlayLayers.ALL, 7);
        renderer.render(canvas.getGraphicsContext2D(), image, t, canvas.getWidth(), canvas.getHeight(), s);
    }

    private static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.round(p / 100.0 * (s.length - 1)))];
    }
}
