package org.dsrcnn.engine.data;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dsrcnn.engine.config.DsrcnnConfig;

/**
 * Turns an image (and its GT) into the network input the config asks for: resize so the shorter
 * side is the test size or one of the training sizes (longer side capped), optional horizontal flip
 * at training time, normalization with the config's RGB mean and std. Padding is left to
 * {@link BatchCollator}. Boxes go through the same resize and flip, and the {@link ResizeInfo} maps
 * predictions back to the original image.
 */
public final class ImagePreprocessor {

    private final DsrcnnConfig.Input input;
    private final float[] mean;
    private final float[] std;

    /** A preprocessor for one config's input section. */
    public ImagePreprocessor(DsrcnnConfig.Input input) {
        if (input.trainShortSides() == null || input.trainShortSides().isEmpty()) {
            throw new IllegalArgumentException("input.trainShortSides must list at least one size");
        }
        if (input.pixelMean().size() != 3 || input.pixelStd().size() != 3) {
            throw new IllegalArgumentException("input.pixelMean and input.pixelStd must have 3 (RGB) values");
        }
        this.input = input;
        this.mean = new float[3];
        this.std = new float[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = input.pixelMean().get(c).floatValue();
            std[c] = input.pixelStd().get(c).floatValue();
            if (!(std[c] > 0)) {
                throw new IllegalArgumentException("input.pixelStd must be positive, got " + input.pixelStd());
            }
        }
    }

    /** The config section this preprocessor follows. */
    public DsrcnnConfig.Input input() {
        return input;
    }

    /** Test-time input: shorter side {@code testShortSide}, longer capped at {@code testMaxSize}, no flip. */
    public PreparedImage forInference(BufferedImage rgb) {
        return forInference(rgb, -1);
    }

    /** {@link #forInference(BufferedImage)} for a dataset image, keeping its id (e.g. for evaluation). */
    public PreparedImage forInference(BufferedImage rgb, long imageId) {
        FloatImage image = ImageDecoding.toFloat(rgb);
        ImageTargets none = new ImageTargets(new float[0][], new int[0], image.width(), image.height());
        return prepare(image, none, imageId, input.testShortSide(), input.testMaxSize(), false);
    }

    /**
     * Training input: shorter side drawn from {@code trainShortSides}, longer capped at
     * {@code trainMaxSize}, mirrored with probability 1/2 when {@code horizontalFlip}. Draws from
     * {@code rng} in this order: {@code nextInt(sides)}, then {@code nextBoolean()} (always both, so
     * the stream stays aligned whatever the config).
     *
     * @param originalGt boxes (M, 4) xyxy original pixels; its width/height must be the image's
     * @throws IllegalArgumentException when the image size differs from the annotation's
     */
    public PreparedImage forTraining(BufferedImage rgb, ImageTargets originalGt, long imageId, Random rng) {
        int side = input.trainShortSides().get(rng.nextInt(input.trainShortSides().size()));
        boolean flip = rng.nextBoolean() && input.horizontalFlip();
        FloatImage image = ImageDecoding.toFloat(rgb);
        if (image.width() != (int) originalGt.width() || image.height() != (int) originalGt.height()) {
            throw new IllegalArgumentException("image " + imageId + " is " + image.width() + "x" + image.height()
                    + " but its annotations say " + (int) originalGt.width() + "x" + (int) originalGt.height());
        }
        return prepare(image, originalGt, imageId, side, input.trainMaxSize(), flip);
    }

    /**
     * The deterministic core: resize to the given shorter side, mirror if asked, normalize.
     *
     * @param image (3, H, W) RGB 0..255
     * @param gt boxes (M, 4) xyxy original pixels
     * @return normalized (3, h, w) and boxes (M', 4) xyxy input pixels (boxes left empty by clipping
     *     are dropped)
     */
    public PreparedImage prepare(FloatImage image, ImageTargets gt, long imageId, int shortSide, int maxSize,
            boolean flip) {
        int[] size = ResizeShortestEdge.outputSize(image.width(), image.height(), shortSide, maxSize);
        FloatImage resized = Resampler.resize(image, size[0], size[1]);
        ResizeInfo resize = ResizeInfo.of(image.width(), image.height(), size[0], size[1], flip);
        float[] chw = normalize(resized, flip);
        return new PreparedImage(imageId, chw, size[0], size[1], transformTargets(gt, resize), resize);
    }

    /** (value - mean) / std per channel, reading columns mirrored when {@code flip}; a new array. */
    private float[] normalize(FloatImage image, boolean flip) {
        int w = image.width();
        int h = image.height();
        float[] src = image.chw();
        float[] out = new float[src.length];
        for (int c = 0; c < 3; c++) {
            float m = mean[c];
            float inv = 1f / std[c];
            for (int y = 0; y < h; y++) {
                int row = (c * h + y) * w;
                for (int x = 0; x < w; x++) {
                    int from = flip ? row + (w - 1 - x) : row + x;
                    out[row + x] = (src[from] - m) * inv;
                }
            }
        }
        return out;
    }

    /** GT boxes through the resize and flip, clipped to the input, empty ones dropped. */
    static ImageTargets transformTargets(ImageTargets gt, ResizeInfo resize) {
        List<float[]> boxes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < gt.size(); i++) {
            float[] b = resize.toInput(gt.boxes()[i]);
            b[0] = Math.max(0, Math.min(resize.inputWidth(), b[0]));
            b[2] = Math.max(0, Math.min(resize.inputWidth(), b[2]));
            b[1] = Math.max(0, Math.min(resize.inputHeight(), b[1]));
            b[3] = Math.max(0, Math.min(resize.inputHeight(), b[3]));
            if (b[2] > b[0] && b[3] > b[1]) {
                boxes.add(b);
                labels.add(gt.labels()[i]);
            }
        }
        return new ImageTargets(boxes.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                resize.inputWidth(), resize.inputHeight());
    }
}
