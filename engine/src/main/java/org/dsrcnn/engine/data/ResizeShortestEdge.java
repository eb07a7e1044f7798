package org.dsrcnn.engine.data;

/**
 * The output size of detectron2's {@code ResizeShortestEdge}: scale so the shorter side becomes
 * {@code shortSide}; if the longer side then exceeds {@code maxSize}, scale down so it equals
 * {@code maxSize}; round each side half up.
 */
public final class ResizeShortestEdge {

    private ResizeShortestEdge() {}

    /** @return {newWidth, newHeight} */
    public static int[] outputSize(int width, int height, int shortSide, int maxSize) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (shortSide <= 0 || maxSize <= 0) {
            throw new IllegalArgumentException("sizes must be positive, got short side " + shortSide + ", max " + maxSize);
        }
        double scale = (double) shortSide / Math.min(width, height);
        double newW;
        double newH;
        if (height < width) {
            newH = shortSide;
            newW = scale * width;
        } else {
            newW = shortSide;
            newH = scale * height;
        }
        double longer = Math.max(newW, newH);
        if (longer > maxSize) {
            double s = maxSize / longer;
            newW *= s;
            newH *= s;
        }
        return new int[] {Math.max(1, (int) (newW + 0.5)), Math.max(1, (int) (newH + 0.5))};
    }
}
