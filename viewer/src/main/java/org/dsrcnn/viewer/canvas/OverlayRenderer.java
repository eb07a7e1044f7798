package org.dsrcnn.viewer.canvas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Draws an image and its overlay layers onto a canvas from cached data: no model, no I/O, so every
 * slider, stage or toggle change is one call of {@link #render}.
 *
 * <p>The built-in layers, back to front: trails, stage boxes (largest first), ground truth,
 * detections (lowest score first, so the best box is on top and keeps its label), the
 * selected proposal's expert boxes, its boxes through the stages. {@link #addLayer} puts more on
 * top, or at a given position.
 */
public final class OverlayRenderer {

    /** Canvas background around the image. */
    public static final Color BACKGROUND = Color.web("#2f3237");

    /** Colour of the selected proposal. */
    public static final Color SELECTION = SelectionLayer.SELECTION;

    private final Tags tags = new Tags();
    private final StillLayer imageLayer = new StillLayer(BACKGROUND);
    private final List<OverlayLayer> layers = new ArrayList<>(List.of(new TrailsLayer(), new StageBoxesLayer(),
            new GroundTruthLayer(), new DetectionsLayer(), new ExpertBoxesLayer(), new SelectionLayer()));

    /** Adds a layer on top of the others. */
    public void addLayer(OverlayLayer layer) {
        addLayer(layers.size(), layer);
    }

    /**
     * Adds a layer at {@code index} in back-to-front order (0 = just above the image).
     *
     * @throws IllegalArgumentException when a layer of that name is already there
     */
    public void addLayer(int index, OverlayLayer layer) {
        if (indexOf(layer.name()) >= 0) {
            throw new IllegalArgumentException("the canvas already has a layer named " + layer.name());
        }
        layers.add(index, layer);
    }

    /** The position of the layer named {@code name} in back-to-front order, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The layers, back to front. */
    public List<OverlayLayer> layers() {
        return List.copyOf(layers);
    }

    /**
     * Draws one frame.
     *
     * @param gc the canvas graphics context (FX thread, or a canvas not yet in a scene)
     * @param image the original image, or null
     * @param t original-image px to view px
     * @param width canvas width
     * @param height canvas height
     * @param s the shared data of the built-in layers; all boxes xyxy in original-image px
     * @return what each layer drew
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
        tags.newFrame();
        FrameContext frame = new FrameContext(gc, t, width, height, s, tags);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (OverlayLayer layer : layers) {
            gc.setLineCap(StrokeLineCap.BUTT);
            gc.setLineJoin(StrokeLineJoin.MITER);
            gc.setLineDashes((double[]) null);
            counts.put(layer.name(), layer.draw(frame));
        }
        gc.restore();
        return new RenderedFrame(frame.stage(), counts);
    }
}
