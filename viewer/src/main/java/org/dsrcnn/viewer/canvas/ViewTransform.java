package org.dsrcnn.viewer.canvas;

/**
 * The mapping between original-image pixels and canvas (view) pixels: {@code view = image *
 * scale + offset}, the same scale on both axes. Mutable, owned by one canvas, FX thread only.
 */
public final class ViewTransform {

    /** Zoom limits relative to 1 image pixel = 1 view pixel. */
    public static final double MIN_SCALE = 0.02;

    public static final double MAX_SCALE = 64.0;

    private double scale = 1.0;
    private double offsetX;
    private double offsetY;

    public double scale() {
        return scale;
    }

    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }

    /** Sets the transform directly (scale clamped to [MIN_SCALE, MAX_SCALE]). */
    public void set(double scale, double offsetX, double offsetY) {
        this.scale = clamp(scale);
        this.offsetX = offsetX;
        this.offsetY = offsetY;
    }

    /** image x (px) -> view x (px). */
    public double toViewX(double imageX) {
        return imageX * scale + offsetX;
    }

    /** image y (px) -> view y (px). */
    public double toViewY(double imageY) {
        return imageY * scale + offsetY;
    }

    /** view x (px) -> image x (px). */
    public double toImageX(double viewX) {
        return (viewX - offsetX) / scale;
    }

    /** view y (px) -> image y (px). */
    public double toImageY(double viewY) {
        return (viewY - offsetY) / scale;
    }

    /**
     * Fits an image of {@code imageW x imageH} into a view of {@code viewW x viewH}, centred, with
     * {@code margin} view pixels on the tighter side.
     */
    public void fit(double imageW, double imageH, double viewW, double viewH, double margin) {
        if (imageW <= 0 || imageH <= 0 || viewW <= 0 || viewH <= 0) {
            return;
        }
        double availW = Math.max(1, viewW - 2 * margin);
        double availH = Math.max(1, viewH - 2 * margin);
        scale = clamp(Math.min(availW / imageW, availH / imageH));
        offsetX = (viewW - imageW * scale) / 2;
        offsetY = (viewH - imageH * scale) / 2;
    }

    /**
     * Multiplies the zoom by {@code factor} keeping the image point under the view point
     * ({@code viewX}, {@code viewY}) fixed: zoom at the cursor.
     */
    public void zoomAt(double factor, double viewX, double viewY) {
        double imageX = toImageX(viewX);
        double imageY = toImageY(viewY);
        scale = clamp(scale * factor);
        offsetX = viewX - imageX * scale;
        offsetY = viewY - imageY * scale;
    }

    /** Moves the image by ({@code dx}, {@code dy}) view pixels. */
    public void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
