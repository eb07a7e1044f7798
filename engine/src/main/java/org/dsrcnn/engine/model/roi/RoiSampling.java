package org.dsrcnn.engine.model.roi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The weights of torchvision's {@code roi_align} (aligned=True) as a sparse matrix, computed in plain
 * Java: output row {@code r * S^2 + i * S + j} (box r, bin row i, bin column j) is a weighted sum of
 * pyramid rows (see {@link FeaturePyramid}).
 *
 * <p>Per box, at its level (stride s = 2^lvl): start = x1 / s - 0.5, bin = (x2 - x1) / s / S; the
 * g x g samples of bin (i, j) sit at start + i * bin + (k + 0.5) * bin / g (g = sampling ratio, or
 * ceil(size / S) when the ratio is <= 0); each is bilinearly interpolated (0 when y < -1, y > H, x <
 * -1 or x > W; negative coordinates clamped to 0, the last row/column replicated) and the bin is
 * their mean over g * g. Bilinear weights are separable, so a bin's weights are the outer product of
 * a row-weight list and a column-weight list (each at most 2g distinct pixels); repeated pixels are
 * merged, zero weights dropped.
 */
public final class RoiSampling {

    private RoiSampling() {}

    /**
     * A sparse matrix in coordinate form, in native-order direct buffers (so the engine can wrap
     * them without another copy): entry k is {@code values.getFloat(4k)} at ({@code
     * rows.getLong(8k)}, {@code cols.getLong(8k)}); each buffer's limit covers exactly nnz entries.
     */
    public record Coo(ByteBuffer rows, ByteBuffer cols, ByteBuffer values, int nnz, long numRows, long numCols) {

        public long row(int k) {
            return rows.getLong(8 * k);
        }

        public long col(int k) {
            return cols.getLong(8 * k);
        }

        public float value(int k) {
            return values.getFloat(4 * k);
        }
    }

    /**
     * @param boxes R * 4 floats, xyxy in input pixels; box r belongs to image r / boxesPerImage
     * @param boxesPerImage N
     * @param pyramid level geometry (its pixels are not read)
     * @param assigner level rule
     * @param size S, output bins per side
     * @param samplingRatio g (<= 0: adaptive, ceil(roi size / S))
     */
    public static Coo weights(
            float[] boxes,
            int boxesPerImage,
            FeaturePyramid pyramid,
            LevelAssigner assigner,
            int size,
            int samplingRatio) {
        int numBoxes = boxes.length / 4;
        if (numBoxes * 4 != boxes.length || numBoxes != pyramid.batch() * boxesPerImage) {
            throw new IllegalArgumentException(
                    "RoIAlign got " + boxes.length / 4.0 + " boxes for " + pyramid.batch() + " images of "
                            + boxesPerImage);
        }
        if (assigner.minLevel() < pyramid.firstLevel()
                || assigner.maxLevel() >= pyramid.firstLevel() + pyramid.levels()) {
            throw new IllegalArgumentException("level rule reaches levels the pyramid does not have");
        }
        int bins = size * size;
        int maxPerAxis = samplingRatio > 0 ? 2 * samplingRatio : 0;
        long bound = (long) numBoxes * bins * Math.max(16, maxPerAxis * maxPerAxis);
        Builder out = new Builder((int) Math.min(bound, 1 << 22));
        AxisWeights ys = new AxisWeights(size);
        AxisWeights xs = new AxisWeights(size);
        for (int r = 0; r < numBoxes; r++) {
            int image = r / boxesPerImage;
            float x1 = boxes[4 * r];
            float y1 = boxes[4 * r + 1];
            float x2 = boxes[4 * r + 2];
            float y2 = boxes[4 * r + 3];
            int level = assigner.level(x1, y1, x2, y2);
            int l = level - pyramid.firstLevel();
            int height = pyramid.heights()[l];
            int width = pyramid.widths()[l];
            double scale = 1.0 / (1L << level);
            double startX = x1 * scale - 0.5;
            double startY = y1 * scale - 0.5;
            double roiW = (x2 - x1) * scale;
            double roiH = (y2 - y1) * scale;
            int gridH = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(roiH / size);
            int gridW = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(roiW / size);
            double count = Math.max(gridH * gridW, 1);
            ys.fill(startY, roiH / size, gridH, height);
            xs.fill(startX, roiW / size, gridW, width);
            long rowBase = (long) r * bins;
            long pixelBase = pyramid.offsets()[l] + (long) image * height * width;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    long row = rowBase + (long) i * size + j;
                    for (int a = 0; a < ys.count[i]; a++) {
                        double wy = ys.weight[i][a] / count;
                        long rowPixels = pixelBase + (long) ys.index[i][a] * width;
                        for (int c = 0; c < xs.count[j]; c++) {
                            out.add(row, rowPixels + xs.index[j][c], (float) (wy * xs.weight[j][c]));
                        }
                    }
                }
            }
        }
        return out.build((long) numBoxes * bins, pyramid.offsets()[pyramid.levels()]);
    }

    /**
     * Per bin along one axis: the pixels its samples touch and their summed bilinear weights
     * (before dividing by the sample count).
     */
    private static final class AxisWeights {
        int[] count;
        int[][] index;
        double[][] weight;

        AxisWeights(int size) {
            count = new int[size];
            index = new int[size][];
            weight = new double[size][];
        }

        void fill(double start, double bin, int grid, int extent) {
            int cap = 2 * Math.max(grid, 1);
            for (int i = 0; i < count.length; i++) {
                if (index[i] == null || index[i].length < cap) {
                    index[i] = new int[cap];
                    weight[i] = new double[cap];
                }
                count[i] = 0;
                for (int k = 0; k < grid; k++) {
                    double v = start + i * bin + (k + 0.5) * bin / grid;
                    if (v < -1.0 || v > extent) {
                        continue; // outside the map: this sample contributes 0
                    }
                    if (v <= 0) {
                        v = 0;
                    }
                    int low = (int) v;
                    int high;
                    if (low >= extent - 1) {
                        low = extent - 1;
                        high = low;
                        v = low;
                    } else {
                        high = low + 1;
                    }
                    double frac = v - low;
                    add(i, low, 1 - frac);
                    add(i, high, frac);
                }
            }
        }

        private void add(int bin, int pixel, double w) {
            if (w == 0) {
                return;
            }
            int[] idx = index[bin];
            for (int k = 0; k < count[bin]; k++) {
                if (idx[k] == pixel) {
                    weight[bin][k] += w;
                    return;
                }
            }
            idx[count[bin]] = pixel;
            weight[bin][count[bin]] = w;
            count[bin]++;
        }
    }

    /** Growable coordinate-list builder writing straight into direct buffers. */
    private static final class Builder {
        ByteBuffer rows;
        ByteBuffer cols;
        ByteBuffer values;
        int capacity;
        int n;

        Builder(int capacity) {
            allocate(Math.max(16, capacity));
        }

        private void allocate(int cap) {
            ByteBuffer r = ByteBuffer.allocateDirect(8 * cap).order(ByteOrder.nativeOrder());
            ByteBuffer c = ByteBuffer.allocateDirect(8 * cap).order(ByteOrder.nativeOrder());
            ByteBuffer v = ByteBuffer.allocateDirect(4 * cap).order(ByteOrder.nativeOrder());
            if (rows != null) {
                r.put(rows.limit(8 * n));
                c.put(cols.limit(8 * n));
                v.put(values.limit(4 * n));
                r.clear();
                c.clear();
                v.clear();
            }
            rows = r;
            cols = c;
            values = v;
            capacity = cap;
        }

        void add(long row, long col, float v) {
            if (n == capacity) {
                allocate(capacity * 2);
            }
            rows.putLong(8 * n, row);
            cols.putLong(8 * n, col);
            values.putFloat(4 * n, v);
            n++;
        }

        Coo build(long numRows, long numCols) {
            return new Coo(rows.limit(8 * n), cols.limit(8 * n), values.limit(4 * n), n, numRows, numCols);
        }
    }
}
