package org.dsrcnn.engine.eval;

/**
 * One detection in the COCO results format: a box in original-image pixels as {@code [x, y, w, h]}.
 *
 * @param imageId the image id of the ground-truth file
 * @param categoryId the category id of the ground-truth file (not the contiguous label)
 * @param x left edge
 * @param y top edge
 * @param w width (&gt;= 0)
 * @param h height (&gt;= 0)
 * @param score confidence; higher is better
 */
public record CocoDetection(long imageId, int categoryId, double x, double y, double w, double h, double score) {

    /** A detection from an xyxy box in original-image pixels. */
    public static CocoDetection fromXyxy(long imageId, int categoryId, double x1, double y1, double x2, double y2,
            double score) {
        return new CocoDetection(imageId, categoryId, x1, y1, x2 - x1, y2 - y1, score);
    }

    /** The box area {@code w * h}: pycocotools' {@code area} of a result, used for its area range. */
    public double area() {
        return w * h;
    }
}
