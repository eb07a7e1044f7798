package org.dsrcnn.engine.eval;

import java.util.List;
import org.dsrcnn.engine.data.CocoAnnotation;

/**
 * IoU between detections and ground truth boxes as pycocotools' {@code maskUtils.iou} computes it
 * for boxes: no +1 pixel convention, and for a crowd GT the overlap is divided by the detection's
 * own area (a detection inside a crowd region overlaps it fully).
 */
final class BoxIou {

    private BoxIou() {}

    /**
     * @param dts D detections ([x, y, w, h] original pixels)
     * @param gts G ground truth annotations ([x, y, w, h] original pixels)
     * @return (D, G) IoU (or intersection over detection area for crowd GT)
     */
    static double[][] matrix(List<CocoDetection> dts, List<CocoAnnotation> gts) {
        double[][] out = new double[dts.size()][gts.size()];
        for (int g = 0; g < gts.size(); g++) {
            CocoAnnotation gt = gts.get(g);
            double gtArea = gt.w() * gt.h();
            for (int d = 0; d < dts.size(); d++) {
                CocoDetection dt = dts.get(d);
                double iw = Math.min(dt.x() + dt.w(), gt.x() + gt.w()) - Math.max(dt.x(), gt.x());
                if (iw <= 0) {
                    continue;
                }
                double ih = Math.min(dt.y() + dt.h(), gt.y() + gt.h()) - Math.max(dt.y(), gt.y());
                if (ih <= 0) {
                    continue;
                }
                double inter = iw * ih;
                double dtArea = dt.w() * dt.h();
                double union = gt.crowd() ? dtArea : dtArea + gtArea - inter;
                out[d][g] = inter / union;
            }
        }
        return out;
    }
}
