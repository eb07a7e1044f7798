package org.dsrcnn.app.service;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;

/** Writes what the explorer shows to files. */
public interface Exporter {

    /** The view (or any picture) as PNG. */
    void writePng(RenderedImage image, Path file) throws IOException;

    /**
     * Detections in the COCO results format: a JSON array of {@code {"image_id", "category_id",
     * "bbox": [x, y, w, h], "score"}} with boxes in original-image pixels.
     *
     * @param imageId the image's id (the dataset's id, or the image's position in its folder)
     * @param categoryId maps a contiguous label 0..K-1 to a category id
     */
    void writeCocoResults(List<Detection> detections, long imageId, IntUnaryOperator categoryId, Path file)
            throws IOException;

    /**
     * {@link #writeCocoResults(List, long, IntUnaryOperator, Path)} with each record also naming the
     * image ({@code "file_name"}) when it has no dataset id, so the file says which image it is.
     *
     * @param fileName the image's file name, or null (a dataset image: its id says it)
     */
    default void writeCocoResults(List<Detection> detections, long imageId, String fileName,
            IntUnaryOperator categoryId, Path file) throws IOException {
        writeCocoResults(detections, imageId, categoryId, file);
    }

    /**
     * The trace with what produced the detections shown: {@code "source"} holds the image path and
     * the settings (threshold, NMS, top-k, stage, model) next to the trace's own fields.
     */
    default void writeTrace(DetectionTrace trace, java.util.Map<String, Object> source, Path file) throws IOException {
        writeTrace(trace, file);
    }

    /** The full trace as JSON ({@code TraceJson}). */
    void writeTrace(DetectionTrace trace, Path file) throws IOException;
}
