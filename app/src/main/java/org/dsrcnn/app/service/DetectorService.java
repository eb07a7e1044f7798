package org.dsrcnn.app.service;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;

/**
 * The detector as the app sees it. Call {@link #loadDefault}, {@link #load} and {@link #analyze}
 * from the background executor, never the FX thread: they take from a fraction of a second to
 * seconds. {@link #postProcess} is plain Java on cached arrays (well under a millisecond for 300
 * proposals) and may be called from any thread.
 */
public interface DetectorService extends AutoCloseable {

    /**
     * Loads the start-up model: {@code <home>/assets/models/default/} when present, else a
     * random-weights {@code small} model, marked untrained. Closes the previous model.
     */
    ModelInfo loadDefault(ProgressSink progress) throws Exception;

    /** Loads a model directory; the previous model stays loaded when this fails. */
    ModelInfo load(Path modelDir, ProgressSink progress) throws Exception;

    /** The loaded model, or null. */
    ModelInfo current();

    /** Runs the model on one image: every stage, the DPG mix, detections, timings. */
    DetectionTrace analyze(BufferedImage image);

    /**
     * Post-processes the cached last stage again with other settings (no model run): top-k over
     * (proposal, class) scores, optional class-aware NMS.
     *
     * @return detections best first, boxes xyxy original-image px
     */
    List<Detection> postProcess(DetectionTrace trace, boolean nms, int topK);

    /**
     * {@link #postProcess} of stage {@code stage} (1..T) as if it were the last (what {@code dsrcnn
     * eval --per-stage} scores); this default knows only the last stage.
     */
    default List<Detection> postProcess(DetectionTrace trace, int stage, boolean nms, int topK) {
        if (stage != trace.numStages()) {
            throw new UnsupportedOperationException("this detector post-processes only the last stage");
        }
        return postProcess(trace, nms, topK);
    }

    /**
     * Runs the model over every image of a COCO dataset and evaluates it with {@code dsrcnn eval}'s
     * code (batches of {@link #EVAL_BATCH}, the model's own post-processing, every stage as the last).
     * Background thread; stops with a {@link java.util.concurrent.CancellationException} once
     * {@code progress} is cancelled.
     */
    default DatasetRun evaluate(Path annotationFile, Path imageDir, ProgressSink progress) {
        throw new UnsupportedOperationException("this detector cannot evaluate a dataset");
    }

    /** Images per forward pass of {@link #evaluate}: {@code dsrcnn eval}'s default {@code --batch}. */
    int EVAL_BATCH = 8;

    @Override
    void close();
}
