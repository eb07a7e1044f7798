package org.dsrcnn.viewer.canvas;

import java.util.List;
import org.dsrcnn.engine.trace.Detection;

/**
 * Finds the box under a point. Among several boxes that contain the point the smallest wins: a
 * small box inside a large one could not be clicked otherwise, and a user aims at what they see
 * on top (the renderer draws large boxes first).
 */
public final class BoxPicker {

    private BoxPicker() {}

    /**
     * The index of the smallest box containing (x, y), or -1.
     *
     * @param boxes (N, 4) xyxy, same units as x and y (original-image pixels)
     * @param tolerance how far outside a box (same units) a point still counts as on it
     */
    public static int pick(float[][] boxes, double x, double y, double tolerance) {
        int best = -1;
        double bestArea = Double.POSITIVE_INFINITY;
        for (int i = 0; i < boxes.length; i++) {
            float[] b = boxes[i];
            double x1 = Math.min(b[0], b[2]);
            double x2 = Math.max(b[0], b[2]);
            double y1 = Math.min(b[1], b[3]);
            double y2 = Math.max(b[1], b[3]);
            if (x >= x1 - tolerance && x <= x2 + tolerance && y >= y1 - tolerance && y <= y2 + tolerance) {
                double area = (x2 - x1) * (y2 - y1);
                if (area < bestArea) {
                    bestArea = area;
                    best = i;
                }
            }
        }
        return best;
    }

    /**
     * The proposal index of the smallest detection box containing (x, y), or -1.
     *
     * @param detections boxes xyxy in original-image pixels
     */
    public static int pickDetection(List<Detection> detections, double x, double y, double tolerance) {
        float[][] boxes = new float[detections.size()][];
        for (int i = 0; i < boxes.length; i++) {
            boxes[i] = detections.get(i).box();
        }
        int i = pick(boxes, x, y, tolerance);
        return i < 0 ? -1 : detections.get(i).proposal();
    }
}
