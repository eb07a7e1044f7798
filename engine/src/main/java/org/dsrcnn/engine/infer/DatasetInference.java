package org.dsrcnn.engine.infer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.CocoImage;
import org.dsrcnn.engine.data.ImageDecoding;
import org.dsrcnn.engine.data.ImageReadException;
import org.dsrcnn.engine.errors.OneLineReason;
import org.dsrcnn.engine.data.PreparedImage;
import org.dsrcnn.engine.eval.CocoDetection;
import org.dsrcnn.engine.eval.CocoEvaluator;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;

/** Runs a predictor over a COCO split and evaluates it (what {@code dsrcnn eval --model} does). */
public final class DatasetInference {
    private DatasetInference() {}

    /**
     * Detections, and what happened to the images.
     *
     * @param skipped one line per image that could not be read (and was left out)
     * @param images the images attempted
     * @param warnings one line per image that was read but looks wrong (a size other than its annotations')
     * @param evaluatedIds the ids of the images that were predicted, in dataset order
     */
    public record Result(List<CocoDetection> detections, List<String> skipped, int images, List<String> warnings,
            List<Long> evaluatedIds) {

        /** The ground truth to score these detections against: the predicted images only. */
        public CocoDataset groundTruth(CocoDataset dataset) {
            return dataset.onlyImages(evaluatedIds);
        }
    }

    /**
     * Predicts every image of the dataset (or the first {@code maxImages}), in batches.
     *
     * @param progress called with the number of images done after each batch (may be null)
     */
    public static Result detect(Predictor predictor, CocoDataset dataset, int batchSize, int maxImages,
            IntConsumer progress) {
        List<CocoDetection> detections = new ArrayList<>();
        Traced traced = forEachTrace(predictor, dataset, batchSize, maxImages, (info, trace) -> {
            for (Detection d : trace.detections()) {
                float[] b = d.box();
                detections.add(CocoDetection.fromXyxy(info.id(), dataset.categoryIdOf(d.label()),
                        b[0], b[1], b[2], b[3], d.score()));
            }
        }, progress);
        return new Result(detections, traced.skipped(), traced.images(), traced.warnings(), traced.evaluatedIds());
    }

    /** How many images were attempted, the ones that could not be read, those that look wrong, and those predicted. */
    public record Traced(List<String> skipped, int images, List<String> warnings, List<Long> evaluatedIds) {}

    /**
     * Runs the model over the dataset's images (or the first {@code maxImages}) in batches and hands
     * each image's full trace to {@code sink}, in dataset order; unreadable images are skipped and
     * reported.
     *
     * @param progress called with the number of images done after each batch (may be null)
     */
    public static Traced forEachTrace(Predictor predictor, CocoDataset dataset, int batchSize, int maxImages,
            BiConsumer<CocoImage, DetectionTrace> sink, IntConsumer progress) {
        List<CocoImage> images = dataset.images();
        int count = maxImages > 0 ? Math.min(maxImages, images.size()) : images.size();
        List<String> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Long> evaluated = new ArrayList<>();
        List<PreparedImage> pending = new ArrayList<>();
        List<CocoImage> pendingInfo = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CocoImage info = images.get(i);
            try {
                BufferedImage img = ImageDecoding.read(dataset.imagePath(info));
                if (img.getWidth() != info.width() || img.getHeight() != info.height()) {
                    // the boxes are in the annotated size: predictions on another size cannot match them
                    warnings.add("image " + info.id() + " (" + info.fileName() + ") is " + img.getWidth() + "x"
                            + img.getHeight() + " but its annotations say " + info.width() + "x" + info.height()
                            + ": its boxes will not line up");
                }
                PreparedImage p = predictor.prepare(img);
                pending.add(new PreparedImage(info.id(), p.chw(), p.width(), p.height(), p.targets(), p.resize()));
                pendingInfo.add(info);
                evaluated.add(info.id());
            } catch (ImageReadException e) {
                skipped.add("image " + info.id() + " (" + info.fileName() + "): " + e.reason());
            } catch (IOException | RuntimeException e) {
                skipped.add("image " + info.id() + " (" + info.fileName() + "): " + OneLineReason.of(e));
            }
            if (pending.size() == batchSize || (i == count - 1 && !pending.isEmpty())) {
                List<DetectionTrace> traces = predictor.predictPrepared(pending);
                for (int j = 0; j < traces.size(); j++) {
                    sink.accept(pendingInfo.get(j), traces.get(j));
                }
                pending.clear();
                pendingInfo.clear();
                if (progress != null) {
                    progress.accept(i + 1);
                }
            }
        }
        return new Traced(skipped, count, warnings, evaluated);
    }

    /**
     * Predicts and evaluates; the GT is restricted to the images that were predicted (an unreadable
     * image is left out, not scored as missed).
     *
     * @throws IllegalArgumentException when no image could be read
     */
    public static CocoMetrics evaluate(Predictor predictor, CocoDataset dataset, int batchSize, int maxImages,
            IntConsumer progress) {
        Result r = detect(predictor, dataset, batchSize, maxImages, progress);
        if (r.evaluatedIds().isEmpty()) {
            throw new IllegalArgumentException("no image of " + dataset.annotationFile() + " could be read"
                    + (r.skipped().isEmpty() ? "" : " (first: " + r.skipped().get(0) + ")"));
        }
        return CocoEvaluator.evaluate(r.groundTruth(dataset), r.detections());
    }
}
