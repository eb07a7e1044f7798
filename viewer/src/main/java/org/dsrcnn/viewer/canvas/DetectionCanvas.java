package org.dsrcnn.viewer.canvas;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;

/**
 * The image with its overlay layers. Zoom at the cursor (wheel, {@link #zoomIn()}/{@link
 * #zoomOut()}), {@link #fit()}; what a drag or a click does is the current {@link CanvasTool}'s
 * (by default {@link PanSelectTool}: drag pans, a click on a box selects its proposal, detections
 * first, then the boxes of the current stage). The built-in layers draw from this control's
 * properties; {@link #addLayer} adds a page's own. Every change redraws from the cached data;
 * nothing here runs a model.
 */
public final class DetectionCanvas extends Region {

    /** Wheel / key zoom step. */
    public static final double ZOOM_STEP = 1.25;

    private final Canvas canvas = new Canvas();
    private final ViewTransform transform = new ViewTransform();
    private final OverlayRenderer renderer = new OverlayRenderer();

    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final ObjectProperty<DetectionTrace> trace = new SimpleObjectProperty<>(this, "trace");
    private final IntegerProperty stage = new SimpleIntegerProperty(this, "stage", 0);
    private final ObjectProperty<List<Detection>> detections =
            new SimpleObjectProperty<>(this, "detections", List.of());
    private final ObjectProperty<LabeledBoxes> groundTruth =
            new SimpleObjectProperty<>(this, "groundTruth", LabeledBoxes.EMPTY);
    private final BooleanProperty showDetections = new SimpleBooleanProperty(this, "showDetections", true);
    private final BooleanProperty showGroundTruth = new SimpleBooleanProperty(this, "showGroundTruth", true);
    private final BooleanProperty showStageBoxes = new SimpleBooleanProperty(this, "showStageBoxes", false);
    private final BooleanProperty showTrails = new SimpleBooleanProperty(this, "showTrails", false);
    private final BooleanProperty showExpertBoxes = new SimpleBooleanProperty(this, "showExpertBoxes", true);
    private final IntegerProperty selectedProposal = new SimpleIntegerProperty(this, "selectedProposal", -1);
    private final javafx.beans.property.StringProperty placeholder =
            new javafx.beans.property.SimpleStringProperty(this, "placeholder", "");
    private final javafx.beans.property.ReadOnlyIntegerWrapper hoveredProposal =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "hoveredProposal", -1);
    private final ReadOnlyObjectWrapper<RenderedFrame> lastFrame =
            new ReadOnlyObjectWrapper<>(this, "lastFrame", RenderedFrame.NONE);

    private final ObjectProperty<CanvasTool> tool = new SimpleObjectProperty<>(this, "tool", new PanSelectTool()) {
        @Override
        public void set(CanvasTool value) {
            super.set(value == null ? new PanSelectTool() : value);
        }
    };
    private final ReadOnlyObjectWrapper<double[]> view = new ReadOnlyObjectWrapper<>(this, "view", new double[3]);
    private boolean fitPending = true;
    /** True while the view is the fitted one (no zoom or pan since): a resize then refits. */
    private boolean fitted;

    public DetectionCanvas() {
        getStyleClass().add("detection-canvas");
        getChildren().add(canvas);
        setMinSize(100, 100);
        setPrefSize(800, 600);
        InvalidationListener redraw = o -> redraw();
        for (javafx.beans.Observable o : List.of(trace, stage, detections, groundTruth, showDetections,
                showGroundTruth, showStageBoxes, showTrails, showExpertBoxes, selectedProposal, placeholder)) {
            o.addListener(redraw);
        }
        image.addListener((obs, old, img) -> {
            Image previous = old;
            boolean sameSize = previous != null && img != null
                    && previous.getWidth() == img.getWidth() && previous.getHeight() == img.getHeight();
            if (!sameSize) {
                fitPending = true;
            }
            redraw();
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                fitted = false;
                transform.zoomAt(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX(), e.getY());
                redraw();
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            tool.get().pressed(this, e);
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> tool.get().dragged(this, e));
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hoveredProposal.set(pickAt(e.getX(), e.getY()));
            tool.get().moved(this, e);
            setCursor(tool.get().cursorAt(this, e.getX(), e.getY()));
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoveredProposal.set(-1));
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> tool.get().released(this, e));
        tool.addListener((obs, old, now) -> {
            if (old != null) {
                old.cancel(this);
            }
            setCursor(javafx.scene.Cursor.DEFAULT);
        });
        setFocusTraversable(true);
    }

    /**
     * The proposal under a view point, or -1: detections first (when shown), then the boxes of the
     * current stage (when shown, or when nothing else is drawn to click).
     */
    public int pickAt(double viewX, double viewY) {
        DetectionTrace tr = trace.get();
        if (tr == null) {
            return -1;
        }
        double x = transform.toImageX(viewX);
        double y = transform.toImageY(viewY);
        double tolerance = 3.0 / transform.scale();
        if (showDetections.get()) {
            int p = BoxPicker.pickDetection(detections.get(), x, y, tolerance);
            if (p >= 0) {
                return p;
            }
        }
        if (showStageBoxes.get() || showTrails.get()) {
            int s = Math.max(0, Math.min(stage.get(), tr.numStages()));
            return BoxPicker.pick(tr.stages().get(s).boxes(), x, y, tolerance);
        }
        return -1;
    }

    /** Adds an overlay layer on top of the others and redraws when it asks to. */
    public void addLayer(OverlayLayer layer) {
        renderer.addLayer(layer);
        layer.attach(this::redraw);
        redraw();
    }

    /** Adds an overlay layer at {@code index} in back-to-front order (see {@link OverlayRenderer#layers()}). */
    public void addLayer(int index, OverlayLayer layer) {
        renderer.addLayer(index, layer);
        layer.attach(this::redraw);
        redraw();
    }

    /** The overlay layers, back to front. */
    public List<OverlayLayer> layers() {
        return renderer.layers();
    }

    /** What the mouse does; null restores {@link PanSelectTool}. */
    public ObjectProperty<CanvasTool> toolProperty() {
        return tool;
    }

    /** Moves the view by (dx, dy) view px. */
    public void panBy(double dx, double dy) {
        fitted = false;
        transform.pan(dx, dy);
        redraw();
    }

    /**
     * Sets the view (scale and offsets) of another canvas showing the same image, e.g. to keep two
     * side-by-side canvases in step.
     */
    public void setView(double scale, double offsetX, double offsetY) {
        if (scale == transform.scale() && offsetX == transform.offsetX() && offsetY == transform.offsetY()) {
            return;
        }
        fitted = false;
        transform.set(scale, offsetX, offsetY);
        fitPending = false;
        redraw();
    }

    /** The view as {scale, offsetX, offsetY}: changes after every zoom, pan or fit (see {@link #setView}). */
    public ReadOnlyObjectProperty<double[]> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /** Zooms in one step around the centre of the view. */
    public void zoomIn() {
        fitted = false;
        transform.zoomAt(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
        redraw();
    }

    /** Zooms out one step around the centre of the view. */
    public void zoomOut() {
        fitted = false;
        transform.zoomAt(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
        redraw();
    }

    /** Fits the image into the view. */
    public void fit() {
        Image img = image.get();
        if (img != null && getWidth() > 0 && getHeight() > 0) {
            transform.fit(img.getWidth(), img.getHeight(), getWidth(), getHeight(), 12);
            fitPending = false;
            fitted = true;
        }
        redraw();
    }

    /** The current image px <-> view px mapping (read it; change it through the methods above). */
    public ViewTransform viewTransform() {
        return transform;
    }

    /** The drawing surface (for snapshots / export). */
    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        boolean resized = canvas.getWidth() != w || canvas.getHeight() != h;
        canvas.setWidth(w);
        canvas.setHeight(h);
        if (fitPending || resized && fitted) {
            fit(); // a fitted view stays fitted when the window (or a side-by-side split) resizes
        } else if (resized) {
            redraw();
        }
    }

    /**
     * The image at its own resolution with the overlays drawn on it as they are shown now (same
     * layers, selection and stage), for export: no margins, no zoom. Null without an image. FX thread.
     */
    public javafx.scene.image.WritableImage renderAtImageResolution() {
        Image img = image.get();
        if (img == null) {
            return null;
        }
        int w = (int) Math.round(img.getWidth());
        int h = (int) Math.round(img.getHeight());
        javafx.scene.canvas.Canvas full = new javafx.scene.canvas.Canvas(w, h);
        OverlayState state = new OverlayState(trace.get(), stage.get(), detections.get(), groundTruth.get(),
                new OverlayLayers(showDetections.get(), showGroundTruth.get(), showStageBoxes.get(),
                        showTrails.get(), showExpertBoxes.get()),
                selectedProposal.get());
        renderer.render(full.getGraphicsContext2D(), img, new ViewTransform(), w, h, state);
        javafx.scene.image.WritableImage out = full.snapshot(null, new javafx.scene.image.WritableImage(w, h));
        redraw(); // the still layer's cache now holds the full-size frame: draw the view again
        return out;
    }

    /** Draws the current state now. */
    public void redraw() {
        if (fitPending && image.get() != null && getWidth() > 0 && getHeight() > 0) {
            Image img = image.get();
            transform.fit(img.getWidth(), img.getHeight(), getWidth(), getHeight(), 12);
            fitPending = false;
            fitted = true;
        }
        OverlayState state = new OverlayState(trace.get(), stage.get(), detections.get(), groundTruth.get(),
                new OverlayLayers(showDetections.get(), showGroundTruth.get(), showStageBoxes.get(),
                        showTrails.get(), showExpertBoxes.get()),
                selectedProposal.get());
        double[] v = {transform.scale(), transform.offsetX(), transform.offsetY()};
        if (!java.util.Arrays.equals(v, view.get())) {
            view.set(v);
        }
        lastFrame.set(renderer.render(canvas.getGraphicsContext2D(), image.get(), transform,
                canvas.getWidth(), canvas.getHeight(), state));
        String text = placeholder.get();
        if (image.get() == null && text != null && !text.isEmpty()) {
            javafx.scene.canvas.GraphicsContext gc = canvas.getGraphicsContext2D();
            gc.setFill(javafx.scene.paint.Color.gray(0.85));
            gc.setFont(javafx.scene.text.Font.font(15));
            gc.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            gc.setTextBaseline(javafx.geometry.VPos.CENTER);
            gc.fillText(text, canvas.getWidth() / 2, canvas.getHeight() / 2, Math.max(50, canvas.getWidth() - 40));
        }
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    public ObjectProperty<DetectionTrace> traceProperty() {
        return trace;
    }

    public IntegerProperty stageProperty() {
        return stage;
    }

    public ObjectProperty<List<Detection>> detectionsProperty() {
        return detections;
    }

    public ObjectProperty<LabeledBoxes> groundTruthProperty() {
        return groundTruth;
    }

    public BooleanProperty showDetectionsProperty() {
        return showDetections;
    }

    public BooleanProperty showGroundTruthProperty() {
        return showGroundTruth;
    }

    public BooleanProperty showStageBoxesProperty() {
        return showStageBoxes;
    }

    public BooleanProperty showTrailsProperty() {
        return showTrails;
    }

    public BooleanProperty showExpertBoxesProperty() {
        return showExpertBoxes;
    }

    /** Text shown in the middle while there is no image (loading, or why the image cannot be shown). */
    public javafx.beans.property.StringProperty placeholderProperty() {
        return placeholder;
    }

    /** The selected proposal index, or -1; set by clicks and by other controls. */
    public IntegerProperty selectedProposalProperty() {
        return selectedProposal;
    }

    /** The proposal under the mouse (same rule as a click), or -1. */
    public javafx.beans.property.ReadOnlyIntegerProperty hoveredProposalProperty() {
        return hoveredProposal.getReadOnlyProperty();
    }

    /** What the last redraw drew. */
    public ReadOnlyObjectProperty<RenderedFrame> lastFrameProperty() {
        return lastFrame.getReadOnlyProperty();
    }

    public RenderedFrame getLastFrame() {
        return lastFrame.get();
    }
}
