package org.dsrcnn.viewer.canvas;

import static org.dsrcnn.viewer.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;

/** A fitted view refits when the canvas is resized (window, side-by-side split); a zoomed one stays. */
class CanvasRefitTest {

    @Test
    void aFittedViewFollowsTheSizeAndAZoomedOneStays() throws Exception {
        double[] scales = onFx(() -> {
            DetectionCanvas c = new DetectionCanvas();
            c.imageProperty().set(new WritableImage(200, 100));
            c.resize(400, 200);
            c.layout();
            double a = c.viewTransform().scale(); // min(376/200, 176/100) = 1.76
            c.resize(200, 100);
            c.layout();
            double b = c.viewTransform().scale(); // min(176/200, 76/100) = 0.76
            c.zoomIn();
            double zoomed = c.viewTransform().scale();
            c.resize(400, 200);
            c.layout();
            return new double[] {a, b, zoomed, c.viewTransform().scale()};
        });
        assertArrayEquals(new double[] {1.76, 0.76, 0.76 * DetectionCanvas.ZOOM_STEP, 0.76 * DetectionCanvas.ZOOM_STEP},
                scales, 1e-9);
    }
}
