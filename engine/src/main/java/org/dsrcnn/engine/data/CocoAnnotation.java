package org.dsrcnn.engine.data;

/**
 * One {@code annotations} record of a COCO file: a box in original-image pixels, COCO's
 * {@code [x, y, w, h]} convention (top-left corner plus size, continuous coordinates where pixel i
 * covers [i, i+1)).
 *
 * @param id the annotation id
 * @param imageId the image it belongs to
 * @param categoryId the category id as the file states it
 * @param x left edge
 * @param y top edge
 * @param w width (&gt; 0 for every annotation a {@link CocoDataset} keeps)
 * @param h height (&gt; 0 for every annotation a {@link CocoDataset} keeps)
 * @param area the file's {@code area} field (object area, used for COCO's small/medium/large split),
 *     or {@code w * h} when the file has none
 * @param crowd {@code iscrowd}: ignored for training, an ignore region for evaluation
 */
public record CocoAnnotation(
        long id, long imageId, int categoryId, double x, double y, double w, double h, double area,
        boolean crowd) {

    /** The box as xyxy original-image pixels {x1, y1, x2, y2}. */
    public double[] xyxy() {
        return new double[] {x, y, x + w, y + h};
    }
}
