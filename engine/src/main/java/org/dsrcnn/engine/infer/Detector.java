package org.dsrcnn.engine.infer;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.trace.DetectionTrace;

/**
 * A loaded detector that turns an image into a full {@link DetectionTrace}. Not thread-safe: call
 * it from one background thread at a time; never from the UI thread.
 */
public interface Detector extends AutoCloseable {

    /**
     * Runs the model on one RGB image (resized to the config's test size, run, mapped back).
     *
     * @return every stage's boxes in original-image pixels, the DPG mix, final detections, timings
     */
    DetectionTrace predict(BufferedImage image);

    /** The model's config. */
    DsrcnnConfig config();

    /** Class names, indexed by label. */
    List<String> classNames();

    /**
     * Human-readable facts for the status bar: "model", "provenance", "engine", "device",
     * "threads", "parameters".
     */
    Map<String, String> description();

    @Override
    void close();
}
