package org.dsrcnn.app.service;

import java.util.List;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;

/** Turns a cached trace's last stage into detections with given settings (no model run). */
@FunctionalInterface
public interface DetectionPostProcessor {

    /**
     * @return detections best first, boxes xyxy original-image px
     */
    List<Detection> process(DetectionTrace trace, boolean nms, int topK);
}
