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
import org.dsrcnn.engine.data.PreparedImage;
import org.dsrcnn.engine.eval.CocoDetection;
import org.dsrcnn.engine.eval.CocoEvaluator;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;

/** Runs a predictor over a COCO split and evaluates it (what {@code dsrcnn eval --model} does). */
public final class DatasetInference {
    private DatasetInference() {}

    /** Detections and the images that could not be read. */
    public record Result(List<CocoDetection> detections, List<String> skipped, int images) {}

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
        return new Result(detections, traced.skipped(), traced.images());
    }

    /** How many images were attempted, and the ones that could not be read. */
    public record Traced(List<String> skipped, int images) {}

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
        List<PreparedImage> pending = new ArrayList<>();
        List<CocoImage> pendingInfo = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CocoImage info = images.get(i);
            try {
                BufferedImage img = ImageDecoding.read(dataset.imagePath(info));
                PreparedImage p = predictor.prepare(img);
                pending.add(new PreparedImage(info.id(), p.chw(), p.width(), p.height(), p.targets(), p.resize()));
                pendingInfo.add(info);
            } catch (IOException | RuntimeException e) {
                skipped.add("image " + info.id() + " (" + info.fileName() + "): " + e.getMessage());
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
        return new Traced(skipped, count);
    }

    /** Predicts and evaluates; the GT is restricted to the images that were predicted. */
    public static CocoMetrics evaluate(Predictor predictor, CocoDataset dataset, int batchSize, int maxImages,
            IntConsumer progress) {
        Result r = detect(predictor, dataset, batchSize, maxImages, progress);
        CocoDataset gt = dataset.firstImages(r.images());
        return CocoEvaluator.evaluate(gt, r.detections());
    }
}
