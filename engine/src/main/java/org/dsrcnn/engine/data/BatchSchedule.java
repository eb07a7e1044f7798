package org.dsrcnn.engine.data;

/**
 * Which images make up training batch t, as a pure function of (seed, t): the deterministic core of
 * {@link DataLoader}, so that a run resumed at iteration t sees exactly the batches a run that was
 * never stopped would have seen.
 *
 * <p>The images form an endless stream of epochs, each a fresh permutation (Fisher-Yates with a
 * {@link java.util.Random} seeded from (seed, epoch)); batch t takes stream positions
 * [t*B, (t+1)*B), so batches run across epoch boundaries and no image is dropped. The augmentation
 * of the image at position p draws from a {@link java.util.Random} seeded from (seed, p).
 */
public final class BatchSchedule {

    private final int numImages;
    private final int batchSize;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] cachedPermutation;

    /**
     * @param numImages N &gt;= 1 images in the split
     * @param batchSize B &gt;= 1
     * @param seed the run's seed ({@code solver.seed})
     */
    public BatchSchedule(int numImages, int batchSize, long seed) {
        if (numImages < 1) {
            throw new IllegalArgumentException("the dataset has no usable image");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.numImages = numImages;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** B. */
    public int batchSize() {
        return batchSize;
    }

    /** N. */
    public int numImages() {
        return numImages;
    }

    /** The stream position of slot {@code i} (0..B-1) of batch {@code iteration}. */
    public long position(long iteration, int i) {
        return iteration * batchSize + i;
    }

    /** The epoch a stream position falls in. */
    public long epochOf(long position) {
        return position / numImages;
    }

    /** The dataset index (0..N-1) at a stream position. */
    public synchronized int imageAt(long position) {
        return permutation(position / numImages)[(int) (position % numImages)];
    }

    /**
     * The dataset index {@code offset} places after {@code position} within the same epoch's order
     * (wrapping around): where to look for a stand-in when an image cannot be decoded.
     */
    public synchronized int imageAfter(long position, int offset) {
        int slot = (int) ((position % numImages + offset) % numImages);
        return permutation(position / numImages)[slot];
    }

    /** The dataset indices of batch {@code iteration}, in order. */
    public int[] batch(long iteration) {
        int[] out = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            out[i] = imageAt(position(iteration, i));
        }
        return out;
    }

    /** The seed of the augmentation randomness of the image at a stream position. */
    public long augmentationSeed(long position) {
        return mix(mix(seed ^ 0x5DEECE66DL) + position);
    }

    private int[] permutation(long epoch) {
        if (epoch != cachedEpoch) {
            int[] p = new int[numImages];
            for (int i = 0; i < numImages; i++) {
                p[i] = i;
            }
            java.util.Random rng = new java.util.Random(mix(mix(seed) + epoch));
            for (int i = numImages - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            cachedPermutation = p;
            cachedEpoch = epoch;
        }
        return cachedPermutation;
    }

    /** SplitMix64's finaliser: spreads nearby inputs over all 64 bits. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
