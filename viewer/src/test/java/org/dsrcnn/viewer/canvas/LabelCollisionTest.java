package org.dsrcnn.viewer.canvas;

import static org.dsrcnn.viewer.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.ExpertTrace;
import org.dsrcnn.engine.trace.StageTrace;
import org.dsrcnn.viewer.ClassColors;
import org.dsrcnn.viewer.ExpertColors;
import org.junit.jupiter.api.Test;

/**
 * The defects of overlapping tags, on a real canvas: a high-scoring detection's label was
 * hidden under a low-scoring one's when they shared a corner, and experts whose boxes share a
 * corner drew their tags on top of each other.
 */
class LabelCollisionTest {

    private static WritableImage render(OverlayState s) throws Exception {
        return onFx(() -> {
            Canvas c = new Canvas(300, 200);
            new OverlayRenderer().render(c.getGraphicsContext2D(), null, new ViewTransform(), 300, 200, s);
            return c.snapshot(null, null);
        });
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.04 && Math.abs(a.getGreen() - b.getGreen()) < 0.04
                && Math.abs(a.getBlue() - b.getBlue()) < 0.04;
    }

    private static int count(WritableImage img, Color c, int x0, int y0, int x1, int y1) {
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += near(r.getColor(x, y), c) ? 1 : 0;
            }
        }
        return n;
    }

    private static DetectionTrace trace(List<Detection> dets, ExpertTrace ex) {
        StageTrace s0 = new StageTrace(0, new float[][] {{40, 60, 250, 180}, {40, 60, 120, 110}}, null);
        StageTrace s1 = new StageTrace(1, new float[][] {{40, 60, 250, 180}, {40, 60, 120, 110}},
                new float[][] {{0, 3}, {3, 0}});
        return new DetectionTrace(300, 200, List.of("low", "high"), List.of(s0, s1), ex, dets, new LinkedHashMap<>());
    }

    @Test
    void theBestLabelStaysReadableWhereLabelsCollide() throws Exception {
        // the high-scoring detection is the larger box: drawn largest first, its label went under the other's
        Detection high = new Detection(0, 1, 0.95f, new float[] {40, 60, 250, 180});
        Detection low = new Detection(1, 0, 0.31f, new float[] {40, 60, 120, 110});
        DetectionTrace t = trace(List.of(high, low), null);
        WritableImage img = render(new OverlayState(t, 1, List.of(high, low), LabeledBoxes.EMPTY,
                new OverlayLayers(true, false, false, false, false), -1));
        // the tag above the shared corner (40, 60): 16 px high, its first 30 px of fill
        int highFill = count(img, ClassColors.of(1), 41, 46, 71, 59);
        int lowFill = count(img, ClassColors.of(0), 41, 46, 71, 59);
        assertTrue(highFill > lowFill, "above the shared corner: " + highFill + " px of the best label's colour, "
                + lowFill + " of the other's");
    }

    @Test
    void expertTagsAtTheSameCornerDoNotCoverEachOther() throws Exception {
        // two experts with the same candidate box for proposal 0: both tags anchor at its top-right corner
        float[] box = {60, 80, 200, 160};
        ExpertTrace ex = new ExpertTrace(new float[][] {{0.7f, 0.3f}, {0.5f, 0.5f}},
                new float[][][] {{box, box}, {box, box}}, 1.0);
        DetectionTrace t = trace(List.of(), ex);
        WritableImage img = render(new OverlayState(t, 1, List.of(), LabeledBoxes.EMPTY,
                new OverlayLayers(false, false, false, false, true), 0));
        // anywhere around the corner (the tags are 16 px high): both experts' tag colours must show
        int e1 = count(img, ExpertColors.of(0), 200, 40, 300, 200);
        int e2 = count(img, ExpertColors.of(1), 200, 40, 300, 200);
        assertTrue(e1 > 150 && e2 > 150, "tag pixels right of the corner: E1 " + e1 + ", E2 " + e2);
    }
}
