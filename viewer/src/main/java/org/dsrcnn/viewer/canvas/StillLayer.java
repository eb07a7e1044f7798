package org.dsrcnn.viewer.canvas;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * One view-sized layer of a frame that stays the same while the view stays put (the image, the
 * trail lines), kept as a picture: the second frame with the same source and view renders it
 * off-screen once, later frames blit it 1:1, and a pan or zoom (a new view every frame) just paints
 * it directly. It pays because JavaFX rasterises in software here: a 1333x800 image scaled with
 * smoothing costs ~12 ms a frame, its 1:1 blit ~1 ms. FX thread only.
 */
final class StillLayer {

    private final Color fill;
    private Object lastSource;
    private double[] lastView;
    private WritableImage picture;

    /** @param fill the off-screen background: TRANSPARENT for an overlay, opaque for a bottom layer */
    StillLayer(Color fill) {
        this.fill = fill;
    }

    /**
     * Paints the layer onto {@code gc}, from the picture when source and view (transform and canvas
     * size) are those of the previous call.
     *
     * @param source what the layer shows (compared by identity)
     * @param t original-image px to view px
     * @param width canvas width (view px)
     * @param height canvas height (view px)
     * @param painter paints the layer onto the context it is given
     */
    void paint(GraphicsContext gc, Object source, ViewTransform t, double width, double height,
            Consumer<GraphicsContext> painter) {
        double[] view = {t.scale(), t.offsetX(), t.offsetY(), width, height};
        boolean same = source == lastSource && Arrays.equals(view, lastView);
        if (same && picture != null) {
            blit(gc, picture);
        } else if (same && width >= 1 && height >= 1) {
            Canvas off = new Canvas(width, height);
            painter.accept(off.getGraphicsContext2D());
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(fill);
            picture = off.snapshot(params, null);
            blit(gc, picture);
        } else {
            picture = null;
            painter.accept(gc);
        }
        lastSource = source;
        lastView = view;
    }

    /** Draws a view-sized picture 1:1. */
    private static void blit(GraphicsContext gc, WritableImage layer) {
        boolean smoothing = gc.isImageSmoothing();
        gc.setImageSmoothing(false);
        gc.drawImage(layer, 0, 0);
        gc.setImageSmoothing(smoothing);
    }
}
