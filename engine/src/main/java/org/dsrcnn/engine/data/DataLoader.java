package org.dsrcnn.engine.data;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * Training batches over a {@link CocoDataset}: {@code solver.batchSize} images per batch, shuffled
 * per epoch with {@code solver.seed}, decoded and augmented ({@link ImagePreprocessor#forTraining})
 * on one background thread that keeps a few batches ready (the training step uses the other cores).
 *
 * <p>Resumable: the batch at iteration t depends only on (seed, t) ({@link BatchSchedule}), so
 * {@code iterator(t)} continues exactly where a stopped run left off. An image that cannot be
 * decoded (or whose size differs from its annotation) is reported once through {@link #onSkip} and
 * replaced by the next image of the same epoch's order that decodes, so batches stay full and the
 * sequence stays a function of (seed, t) and the files.
 *
 * <p>A failure of the loader thread itself (out of memory while decoding, say) is never silent: the
 * training loop's wait for a batch is bounded, and when the thread has died it throws with the reason.
 */
public final class DataLoader {

    /** Seconds the training loop waits for one batch before it gives up on a stuck loader thread. */
    public static final String STALL_PROPERTY = "dsrcnn.loaderStallSeconds";

    private final CocoDataset dataset;
    private final ImagePreprocessor preprocessor;
    private final BatchSchedule schedule;
    private final int sizeDivisibility;
    private final Map<Integer, String> badImages = new ConcurrentHashMap<>();
    private volatile Consumer<String> onSkip = message -> { };
    private int prefetch = 2;

    /** A loader with the config's input pipeline, batch size and seed. */
    public DataLoader(CocoDataset dataset, DsrcnnConfig config) {
        this(dataset, new ImagePreprocessor(config.input()), config.solver().batchSize(), config.solver().seed(),
                config.input().sizeDivisibility());
    }

    /**
     * @param dataset the training split (crowd boxes are left out of the targets)
     * @param preprocessor the input pipeline
     * @param batchSize B
     * @param seed the shuffle and augmentation seed
     * @param sizeDivisibility padding multiple for {@link BatchIterator#nextBatch}
     */
    public DataLoader(CocoDataset dataset, ImagePreprocessor preprocessor, int batchSize, long seed, int sizeDivisibility) {
        if (dataset.imageDir().isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.annotationFile() + " has no image directory");
        }
        this.dataset = dataset;
        this.preprocessor = preprocessor;
        this.schedule = new BatchSchedule(dataset.size(), batchSize, seed);
        this.sizeDivisibility = sizeDivisibility;
    }

    /** Receives one line per image skipped (once per image). Called from the loader thread. */
    public DataLoader onSkip(Consumer<String> listener) {
        this.onSkip = listener;
        return this;
    }

    /** How many batches the background thread keeps ready (default 2). */
    public DataLoader prefetch(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1");
        }
        this.prefetch = batches;
        return this;
    }

    /** The batch composition, for inspection. */
    public BatchSchedule schedule() {
        return schedule;
    }

    /** B. */
    public int batchSize() {
        return schedule.batchSize();
    }

    /** Iterations per pass over the data, ceil(N / B). */
    public long iterationsPerEpoch() {
        return (dataset.size() + schedule.batchSize() - 1) / schedule.batchSize();
    }

    /** The images skipped so far, image id to reason. */
    public Map<Long, String> skippedImages() {
        Map<Long, String> out = new LinkedHashMap<>();
        badImages.forEach((index, reason) -> out.put(dataset.images().get(index).id(), reason));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Prepares batch {@code iteration} on the calling thread (what the background thread does).
     *
     * @return B prepared images
     * @throws IllegalStateException when no image of the split can be decoded
     */
    public List<PreparedImage> prepareBatch(long iteration) {
        List<PreparedImage> out = new ArrayList<>(schedule.batchSize());
        for (int i = 0; i < schedule.batchSize(); i++) {
            long position = schedule.position(iteration, i);
            out.add(prepareAt(position));
        }
        return out;
    }

    private PreparedImage prepareAt(long position) {
        int n = dataset.size();
        for (int offset = 0; offset < n; offset++) {
            int index = schedule.imageAfter(position, offset);
            if (badImages.containsKey(index)) {
                continue;
            }
            CocoImage image = dataset.images().get(index);
            try {
                BufferedImage decoded = ImageDecoding.read(dataset.imagePath(image));
                Random rng = new Random(schedule.augmentationSeed(position));
                return preprocessor.forTraining(decoded, dataset.targets(image.id()), image.id(), rng);
            } catch (IOException | IllegalArgumentException e) {
                String reason = CocoJsonReader.firstLine(e.getMessage());
                if (badImages.putIfAbsent(index, reason) == null) {
                    onSkip.accept("skipping image " + image.id() + ": " + reason);
                }
            }
        }
        throw new IllegalStateException("no image of " + dataset.annotationFile() + " could be decoded ("
                + badImages.size() + " failed; first: " + badImages.values().iterator().next() + ")");
    }

    /** An endless iterator starting at batch {@code startIteration}; close it to stop its thread. */
    public BatchIterator iterator(long startIteration) {
        return new BatchIterator(startIteration);
    }

    /**
     * Batches from a start iteration on, prepared by one background thread. {@link #next()} returns
     * the prepared images; {@link #nextBatch(NDManager)} also collates them into NDArrays (on the
     * calling thread, so arrays belong to the caller's manager).
     */
    public final class BatchIterator implements Iterator<List<PreparedImage>>, AutoCloseable {

        private record Item(long iteration, List<PreparedImage> images, RuntimeException error) {}

        private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(prefetch);
        private final Thread worker;
        private volatile boolean closed;
        private volatile Throwable failure;
        private long nextIteration;

        private BatchIterator(long startIteration) {
            if (startIteration < 0) {
                throw new IllegalArgumentException("start iteration must be >= 0, got " + startIteration);
            }
            this.nextIteration = startIteration;
            this.worker = new Thread(() -> produce(startIteration), "dsrcnn-data-loader");
            worker.setDaemon(true);
            worker.start();
        }

        private void produce(long start) {
            try {
                for (long t = start; !closed; t++) {
                    Item item;
                    try {
                        item = new Item(t, prepareBatch(t), null);
                    } catch (RuntimeException e) {
                        item = new Item(t, null, e);
                    } catch (OutOfMemoryError e) {
                        // the failed allocation is gone, so there is room to say why; without this the
                        // thread would die silently and the training loop wait for its batch for ever
                        item = new Item(t, null, new IllegalStateException(
                                org.dsrcnn.engine.errors.OneLineReason.of(e), e));
                    }
                    queue.put(item);
                    if (item.error() != null) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closed while waiting for room: just stop
            } catch (Throwable e) {
                failure = e; // anything else (even while queueing): next() sees the thread gone and says why
            }
        }

        /** The iteration the next call to {@link #next()} returns. */
        public long nextIteration() {
            return nextIteration;
        }

        @Override
        public boolean hasNext() {
            return !closed;
        }

        /** The prepared images of the next iteration (blocks until the background thread has them). */
        @Override
        public List<PreparedImage> next() {
            if (closed) {
                throw new NoSuchElementException("the loader iterator is closed");
            }
            Item item = awaitItem();
            if (item.error() != null) {
                closed = true;
                throw item.error();
            }
            nextIteration = item.iteration() + 1;
            return item.images();
        }

        /**
         * Waits for the worker's next batch, but never for ever: when the worker thread has died, or
         * has produced nothing for {@link #STALL_PROPERTY} seconds, this throws with the reason.
         */
        private Item awaitItem() {
            long stallNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(Long.getLong(STALL_PROPERTY, 600));
            long deadline = System.nanoTime() + stallNanos;
            try {
                while (true) {
                    Item item = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (item != null) {
                        return item;
                    }
                    if (!worker.isAlive() && queue.isEmpty()) {
                        closed = true;
                        Throwable why = failure;
                        throw new IllegalStateException("the data-loader thread died"
                                + (why == null ? "" : ": " + org.dsrcnn.engine.errors.OneLineReason.of(why)), why);
                    }
                    if (System.nanoTime() > deadline) {
                        closed = true;
                        throw new IllegalStateException("the data loader produced no batch for "
                                + stallNanos / 1_000_000_000L + " s (stuck on an image of " + dataset.annotationFile()
                                + "?); raise -D" + STALL_PROPERTY + " if its images are that slow to decode");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            }
        }

        /** The next iteration's images, padded and stacked; the caller closes the batch. */
        public Batch nextBatch(NDManager manager) {
            return BatchCollator.collate(next(), manager, sizeDivisibility);
        }

        /** Stops the background thread. */
        @Override
        public void close() {
            closed = true;
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
