package org.dsrcnn.engine.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.trace.Detection;

/**
 * Turns the last stage's outputs of one image into final detections (spec §4, §5.1):
 *
 * <ol>
 *   <li>scores = sigmoid(logits) over all N x K (proposal, class) pairs, ranked by logit, ties to
 *       the lower (proposal, class) index. Without NMS the N best pairs form the pool (Sparse R-CNN's
 *       top-k with k = N; a proposal can appear with several classes). With NMS all N x K pairs do,
 *       as in detectron2: many-to-one (OTA) training puts several proposals on one object, so the N
 *       best pairs are mostly duplicates of a few objects and NMS would leave few detections
 *       (interim shipped model: 12-49 detections per image on 16 held-out images; on 150 of them
 *       AR100 0.544 -> 0.583 and AP 0.305 -> 0.309 with all pairs);
 *   <li>boxes mapped back to the original image ({@code original = input / scale}), clipped to it,
 *       and pairs whose clipped box is empty (width or height <= 0) dropped; with a score threshold
 *       above 0, pairs with score <= threshold dropped;
 *   <li>with NMS on: class-aware greedy NMS at {@code nmsIou} ({@link Nms}), then the best {@code
 *       topK} kept (the paper's DLA setting). With NMS off: the whole pool (Sparse R-CNN's k = N, no
 *       cap, spec §4), so {@code topK} only applies together with NMS.
 * </ol>
 *
 * Immutable; {@link #withNms} and {@link #withTopK} return modified copies.
 */
public final class PostProcessor {

    private final boolean nms;
    private final double nmsIou;
    private final int topK;
    private final double scoreThreshold;

    public PostProcessor(DsrcnnConfig.Inference settings) {
        this(settings.nms(), settings.nmsIou(), settings.topK(), settings.scoreThreshold());
    }

    private PostProcessor(boolean nms, double nmsIou, int topK, double scoreThreshold) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        if (!(nmsIou >= 0 && nmsIou <= 1)) {
            throw new IllegalArgumentException("NMS IoU must be in [0, 1], got " + nmsIou);
        }
        if (Double.isNaN(scoreThreshold)) {
            throw new IllegalArgumentException("score threshold is NaN");
        }
        this.nms = nms;
        this.nmsIou = nmsIou;
        this.topK = topK;
        this.scoreThreshold = scoreThreshold;
    }

    /** Copy with NMS switched on or off (the UI's NMS switch). */
    public PostProcessor withNms(boolean on) {
        return new PostProcessor(on, nmsIou, topK, scoreThreshold);
    }

    /** Copy keeping at most k detections after NMS. */
    public PostProcessor withTopK(int k) {
        return new PostProcessor(nms, nmsIou, k, scoreThreshold);
    }

    /** Copy with another score threshold (0 keeps everything). */
    public PostProcessor withScoreThreshold(double threshold) {
        return new PostProcessor(nms, nmsIou, topK, threshold);
    }

    public boolean nms() {
        return nms;
    }

    public int topK() {
        return topK;
    }

    /**
     * @param logits (N, K) final-stage class logits
     * @param boxes (N, 4) final-stage boxes, xyxy in input pixels
     * @param scaleX input width / original width (original x = input x / scaleX)
     * @param scaleY input height / original height
     * @param origW original image width, the clip limit for x
     * @param origH original image height
     * @return detections best first, boxes xyxy in original-image pixels
     * @throws IllegalArgumentException on ragged or mismatched arrays, non-finite values or a
     *     non-positive scale or size
     */
    public List<Detection> process(
            float[][] logits, float[][] boxes, double scaleX, double scaleY, int origW, int origH) {
        int n = logits.length;
        check(logits, boxes, scaleX, scaleY, origW, origH);
        int k = n == 0 ? 0 : logits[0].length;
        // rank the N*K pairs by logit (= by score) with one primitive sort: key = (ordered logit bits, -index)
        long[] keys = new long[n * k];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < k; c++) {
                int bits = Float.floatToIntBits(logits[j][c]);
                int ordered = bits ^ ((bits >> 31) & 0x7fffffff); // monotone in the float value
                int flat = j * k + c;
                keys[flat] = ((long) ordered << 32) | (Integer.MAX_VALUE - flat);
            }
        }
        Arrays.sort(keys);
        int pool = nms ? keys.length : Math.min(n, keys.length); // see the class comment
        List<Detection> candidates = new ArrayList<>(pool);
        for (int r = 0; r < pool; r++) {
            int flat = Integer.MAX_VALUE - (int) (keys[keys.length - 1 - r] & 0xffffffffL);
            int j = flat / k;
            int c = flat % k;
            float score = (float) (1.0 / (1.0 + Math.exp(-logits[j][c])));
            if (scoreThreshold > 0 && !(score > scoreThreshold)) {
                continue;
            }
            float[] b = boxes[j];
            float x1 = clip(b[0] / scaleX, origW);
            float y1 = clip(b[1] / scaleY, origH);
            float x2 = clip(b[2] / scaleX, origW);
            float y2 = clip(b[3] / scaleY, origH);
            if (x2 - x1 <= 0 || y2 - y1 <= 0) {
                continue;
            }
            candidates.add(new Detection(j, c, score, new float[] {x1, y1, x2, y2}));
        }
        if (!nms) {
            return candidates;
        }
        float[][] cBoxes = new float[candidates.size()][];
        float[] cScores = new float[candidates.size()];
        int[] cLabels = new int[candidates.size()];
        for (int i = 0; i < cBoxes.length; i++) {
            Detection d = candidates.get(i);
            cBoxes[i] = d.box();
            cScores[i] = d.score();
            cLabels[i] = d.label();
        }
        // candidates are already best first, and Nms breaks score ties by index, so the order holds
        int[] kept = Nms.classAware(cBoxes, cScores, cLabels, nmsIou);
        List<Detection> out = new ArrayList<>(Math.min(kept.length, topK));
        for (int i = 0; i < kept.length && out.size() < topK; i++) {
            out.add(candidates.get(kept[i]));
        }
        return out;
    }

    private static float clip(double v, int limit) {
        return (float) Math.min(Math.max(v, 0), limit);
    }

    private static void check(
            float[][] logits, float[][] boxes, double scaleX, double scaleY, int origW, int origH) {
        if (logits.length != boxes.length) {
            throw new IllegalArgumentException(
                    "postprocess: " + logits.length + " logit rows but " + boxes.length + " boxes");
        }
        if (!(scaleX > 0) || !(scaleY > 0) || !Double.isFinite(scaleX) || !Double.isFinite(scaleY)) {
            throw new IllegalArgumentException("postprocess: scales must be positive, got " + scaleX + ", " + scaleY);
        }
        if (origW <= 0 || origH <= 0) {
            throw new IllegalArgumentException("postprocess: image size must be positive, got " + origW + " x " + origH);
        }
        int k = logits.length == 0 ? 0 : logits[0].length;
        for (int j = 0; j < logits.length; j++) {
            if (k == 0) {
                throw new IllegalArgumentException("postprocess: logit rows are empty, need K >= 1 classes");
            }
            if (logits[j].length != k) {
                throw new IllegalArgumentException("postprocess: proposal " + j + " has " + logits[j].length
                        + " logits, expected " + k);
            }
            if (boxes[j].length != 4) {
                throw new IllegalArgumentException("postprocess: proposal " + j + " box has " + boxes[j].length + " numbers");
            }
            for (float v : logits[j]) {
                if (Float.isNaN(v)) {
                    throw new IllegalArgumentException("postprocess: proposal " + j + " has a NaN logit");
                }
            }
            for (float v : boxes[j]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("postprocess: proposal " + j + " has a non-finite box coordinate");
                }
            }
        }
    }
}
