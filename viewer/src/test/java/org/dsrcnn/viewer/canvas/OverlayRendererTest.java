package org.dsrcnn.viewer.canvas;

import static org.dsrcnn.viewer.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.ExpertTrace;
import org.dsrcnn.engine.trace.StageTrace;
import org.dsrcnn.viewer.ClassColors;
import org.dsrcnn.viewer.ExpertColors;
import org.junit.jupiter.api.Test;

/** Renders onto a real canvas and reads its pixels back. */
class OverlayRendererTest {

    /**
     * 2 proposals, 3 classes, 2 stages: proposal 0 moves from (10,10,50,50) to (110,10,150,50),
     * proposal 1 stays at (10,60,60,90). Stage-2 logits: proposal 0 -> class 2 (logit 3), proposal 1
     * -> class 1 (logit -3).
     */
    static DetectionTrace trace() {
        StageTrace s0 = new StageTrace(0, new float[][] {{10, 10, 50, 50}, {10, 60, 60, 90}}, null);
        StageTrace s1 = new StageTrace(1, new float[][] {{60, 10, 100, 50}, {10, 60, 60, 90}},
                new float[][] {{0, 0, 1}, {0, 1, 0}});
        StageTrace s2 = new StageTrace(2, new float[][] {{110, 10, 150, 50}, {10, 60, 60, 90}},
                new float[][] {{-5, -5, 3}, {-5, -3, -5}});
        ExpertTrace ex = new ExpertTrace(new float[][] {{0.9f, 0.1f}, {0.5f, 0.5f}},
                new float[][][] {{{12, 12, 48, 48}, {10, 60, 60, 90}}, {{0, 0, 180, 95}, {10, 60, 60, 90}}}, 1.0);
        return new DetectionTrace(200, 100, List.of("a", "b", "c"), List.of(s0, s1, s2), ex,
                List.of(new Detection(0, 2, 0.95f, new float[] {110, 10, 150, 50})), new LinkedHashMap<>());
    }

    private static WritableImage draw(OverlayState s, RenderedFrame[] out) throws Exception {
        return onFx(() -> {
            Canvas c = new Canvas(200, 100);
            ViewTransform t = new ViewTransform();
            out[0] = new OverlayRenderer().render(c.getGraphicsContext2D(), null, t, 200, 100, s);
            return c.snapshot(null, null);
        });
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.06 && Math.abs(a.getGreen() - b.getGreen()) < 0.06
                && Math.abs(a.getBlue() - b.getBlue()) < 0.06;
    }

    /** An anti-aliased thin line: not background, and of the target's hue (within 20 degrees). */
    private static boolean tinted(Color px, Color target) {
        double dh = Math.abs(px.getHue() - target.getHue());
        return !near(px, OverlayRenderer.BACKGROUND) && Math.min(dh, 360 - dh) < 20 && px.getSaturation() > 0.3;
    }

    @Test
    void detectionBoxIsDrawnInItsClassColour() throws Exception {
        RenderedFrame[] f = new RenderedFrame[1];
        DetectionTrace tr = trace();
        WritableImage img = draw(new OverlayState(tr, 2, tr.detections(), LabeledBoxes.EMPTY,
                new OverlayLayers(true, false, false, false, false), -1), f);
        assertEquals(1, f[0].detections());
        assertEquals(0, f[0].stageBoxes());
        // the 2 px stroke of the box's right edge x = 150 covers x = 149..150; y = 40 is below the tag
        Color edge = img.getPixelReader().getColor(149, 40);
        assertTrue(near(edge, ClassColors.of(2)), "edge " + edge + " vs " + ClassColors.of(2));
        Color inside = img.getPixelReader().getColor(130, 40);
        assertTrue(near(inside, OverlayRenderer.BACKGROUND), "inside " + inside);
    }

    @Test
    void stageLayerFollowsTheStage() throws Exception {
        DetectionTrace tr = trace();
        OverlayLayers stageOnly = new OverlayLayers(false, false, true, false, false);
        RenderedFrame[] f = new RenderedFrame[1];
        WritableImage at0 = draw(new OverlayState(tr, 0, List.of(), LabeledBoxes.EMPTY, stageOnly, -1), f);
        assertEquals(2, f[0].stageBoxes());
        assertEquals(0, f[0].stage());
        WritableImage at2 = draw(new OverlayState(tr, 2, List.of(), LabeledBoxes.EMPTY, stageOnly, -1), f);
        assertEquals(2, f[0].stage());
        // proposal 0's left edge: x = 10 at stage 0, x = 110 at stage 2 (1 px stroke centred on it)
        Color bg = OverlayRenderer.BACKGROUND;
        assertTrue(!near(at0.getPixelReader().getColor(10, 30), bg), "stage 0 edge at x=10");
        assertTrue(near(at0.getPixelReader().getColor(110, 30), bg), "nothing at x=110 at stage 0");
        assertTrue(near(at2.getPixelReader().getColor(10, 30), bg), "nothing at x=10 at stage 2");
        assertTrue(!near(at2.getPixelReader().getColor(110, 30), bg), "stage 2 edge at x=110");
        // proposal 1 did not move: its 1 px outline lies inside [y1, y2), so its bottom row is y = 89
        assertNotEquals(bg, at2.getPixelReader().getColor(30, 89));
        assertNotEquals(bg, at0.getPixelReader().getColor(30, 89));
    }

    @Test
    void selectionDrawsOneBoxPerStageAndTheExperts() throws Exception {
        DetectionTrace tr = trace();
        RenderedFrame[] f = new RenderedFrame[1];
        WritableImage img = draw(new OverlayState(tr, 1, List.of(), LabeledBoxes.EMPTY,
                new OverlayLayers(false, false, false, false, true), 0), f);
        assertEquals(3, f[0].selectedBoxes());
        assertEquals(2, f[0].expertBoxes());
        // expert 2's candidate (0,0,180,95) weighs 0.1: a 1.3 px dashed line; its right edge at x=180
        // is drawn somewhere along y in 20..70 in the expert's colour
        boolean found = false;
        for (int y = 20; y < 70 && !found; y++) {
            found = tinted(img.getPixelReader().getColor(180, y), ExpertColors.of(1))
                    || tinted(img.getPixelReader().getColor(179, y), ExpertColors.of(1));
        }
        assertTrue(found, "expert 2's box edge at x=180");
        // the stage-1 box of the selection (60,10,100,50) is the thick highlight: x = 100, y = 30
        Color sel = img.getPixelReader().getColor(100, 30);
        assertTrue(near(sel, OverlayRenderer.SELECTION), "selection " + sel);
    }

    /**
     * Renders {@code state} over {@code image} once on a fresh renderer and three times on another
     * (frame 1 draws, frame 2 builds the still layers, frame 3 reuses them), and returns the largest
     * pixel difference between the two results (sum over RGB, x1000).
     */
    private static int cachedVersusDrawn(Image image, ViewTransform t, OverlayState state) throws Exception {
        return onFx(() -> {
            Canvas fresh = new Canvas(200, 100);
            new OverlayRenderer().render(fresh.getGraphicsContext2D(), image, t, 200, 100, state);
            WritableImage drawn = fresh.snapshot(null, null);
            Canvas c = new Canvas(200, 100);
            OverlayRenderer r = new OverlayRenderer();
            for (int i = 0; i < 3; i++) {
                r.render(c.getGraphicsContext2D(), image, t, 200, 100, state);
            }
            WritableImage cached = c.snapshot(null, null);
            int big = 0;
            for (int y = 0; y < 100; y++) {
                for (int x = 0; x < 200; x++) {
                    Color a = drawn.getPixelReader().getColor(x, y);
                    Color b = cached.getPixelReader().getColor(x, y);
                    double d = Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                            + Math.abs(a.getBlue() - b.getBlue());
                    big = Math.max(big, (int) Math.round(d * 1000));
                }
            }
            return big;
        });
    }

    @Test
    void cachedTrailsLookLikeDrawnOnes() throws Exception {
        OverlayState state = new OverlayState(trace(), 1, List.of(), LabeledBoxes.EMPTY,
                new OverlayLayers(false, false, false, true, false), -1);
        // compositing a pre-rendered (premultiplied 8-bit) layer rounds semi-transparent pixels by
        // a step or two of 1/255 per channel; anything more would be a visible difference
        int big = cachedVersusDrawn(null, new ViewTransform(), state);
        assertTrue(big <= 20, "largest difference (sum over RGB) x1000: " + big);
    }

    @Test
    void aCachedImageLooksLikeADrawnOne() throws Exception {
        // a 50x40 image with a pattern in every channel, shown scaled (1.7x, smoothed) and offset
        WritableImage image = new WritableImage(50, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 50; x++) {
                image.getPixelWriter().setArgb(x, y, 0xff000000 | (x * 5) << 16 | (y * 6) << 8 | ((x * y) & 0xff));
            }
        }
        ViewTransform t = new ViewTransform();
        t.set(1.7, 12.5, 7.25);
        OverlayState state = new OverlayState(trace(), 2, List.of(), LabeledBoxes.EMPTY, OverlayLayers.ALL, 0);
        // the same rounding bound as for trails (the image's fractional edges are blended pixels);
        // a shifted or rescaled picture would differ by far more inside the pattern
        int big = cachedVersusDrawn(image, t, state);
        assertTrue(big <= 20, "largest difference (sum over RGB) x1000: " + big);
    }

    @Test
    void trailsAndGroundTruthAreCounted() throws Exception {
        DetectionTrace tr = trace();
        RenderedFrame[] f = new RenderedFrame[1];
        LabeledBoxes gt = new LabeledBoxes(new float[][] {{100, 5, 160, 55}}, new int[] {2});
        WritableImage img = draw(new OverlayState(tr, 2, List.of(), gt,
                new OverlayLayers(false, true, false, true, false), -1), f);
        assertEquals(2, f[0].trails());
        assertEquals(1, f[0].groundTruth());
        // proposal 0's trail runs through the centres (30,30) -> (80,30) -> (130,30): pixel (55, 30)
        assertTrue(!near(img.getPixelReader().getColor(55, 30), OverlayRenderer.BACKGROUND));
    }

    @Test
    void anAddedLayerDrawsOnTopAndReportsItsCount() throws Exception {
        DetectionTrace tr = trace();
        RenderedFrame frame = onFx(() -> {
            OverlayRenderer r = new OverlayRenderer();
            r.addLayer(new OverlayLayer() {
                @Override
                public String name() {
                    return "cross";
                }

                @Override
                public int draw(FrameContext f) {
                    f.gc().setFill(Color.RED);
                    f.gc().fillRect(0, 0, 5, 5);
                    return 7;
                }
            });
            Canvas c = new Canvas(200, 100);
            return r.render(c.getGraphicsContext2D(), null, new ViewTransform(), 200, 100,
                    new OverlayState(tr, 1, List.of(), LabeledBoxes.EMPTY, OverlayLayers.DEFAULT, -1));
        });
        assertEquals(7, frame.count("cross"));
        assertEquals(0, frame.count("no such layer"));
        assertThrows(IllegalArgumentException.class, () -> new OverlayRenderer().addLayer(new TrailsLayer()));
    }
}
