package org.dsrcnn.engine.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dsrcnn.engine.assign.Assignment;
import org.dsrcnn.engine.assign.LabelMatcher;
import org.dsrcnn.engine.assign.MatchProblem;
import org.dsrcnn.engine.box.NdBoxOps;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.data.ImageTargets;
import org.dsrcnn.engine.model.StageOutput;
import org.dsrcnn.engine.ndarray.HostArrays;

/**
 * Sparse R-CNN's set criterion with deep supervision (spec §2, §1.9) and, for OTA, the DLA variant
 * (spec §5.1): every stage t is matched on its own detached predictions, then
 *
 * <pre>
 * cls_t  = w_cls  / n_t * sum over B*N*K of sigmoid focal loss (one-hot targets; background = zeros)
 * l1_t   = w_L1   / n_t * sum over matched pairs of |pred/whwh - gt/whwh| (4 coordinates, xyxy)
 * giou_t = w_giou / n_t * sum over matched pairs of (1 - GIoU(pred, gt))   (pixels)
 * </pre>
 *
 * with n_t = number of GT in the batch (Hungarian; the same for every stage) or number of positives
 * of stage t (OTA), clamped to at least 1. No all-reduce: one process.
 *
 * <p>Cost: matching runs in plain Java on one copy of all stages' logits and boxes; the loss is
 * computed for all stages at once on the stacked (T, B, N, ...) tensors, with the matched boxes of
 * every stage and image gathered in one op and summed per stage by one matrix product, so the op
 * count does not grow with T or B (about 100 NDArray ops in total, most of them in the GIoU).
 */
public final class SetCriterion {

    private final LabelMatcher matcher;
    private final DsrcnnConfig.Loss weights;

    public SetCriterion(DsrcnnConfig config) {
        this.matcher = LabelMatcher.fromConfig(config);
        this.weights = config.loss();
    }

    /** The matcher in use. */
    public LabelMatcher matcher() {
        return matcher;
    }

    /**
     * @param stages T outputs: logits (B, N, K), boxes (B, N, 4) xyxy input px
     * @param targets B images' GT (input px)
     * @throws IllegalArgumentException with a one-line reason on inconsistent shapes or invalid values
     *     (e.g. NaN boxes; the message names the stage and image)
     */
    public CriterionResult compute(List<StageOutput> stages, List<ImageTargets> targets) {
        int numStages = stages.size();
        if (numStages == 0) {
            throw new IllegalArgumentException("no stage outputs to supervise");
        }
        Shape logitShape = stages.get(0).logits().getShape();
        if (logitShape.dimension() != 3) {
            throw new IllegalArgumentException("logits must be (B, N, K), got " + logitShape);
        }
        int batch = (int) logitShape.get(0);
        int n = (int) logitShape.get(1);
        int k = (int) logitShape.get(2);
        if (targets.size() != batch) {
            throw new IllegalArgumentException(
                    "targets for " + targets.size() + " images but the batch has " + batch);
        }
        for (int t = 0; t < numStages; t++) {
            StageOutput s = stages.get(t);
            if (!s.logits().getShape().equals(logitShape)
                    || !s.boxes().getShape().equals(new Shape(batch, n, 4))) {
                throw new IllegalArgumentException("stage " + (t + 1) + ": logits " + s.logits().getShape()
                        + " and boxes " + s.boxes().getShape() + " do not fit (B, N, K) = " + logitShape);
            }
        }
        NDManager parent = stages.get(0).logits().getManager();
        try (NDManager scope = parent.newSubManager()) {
            NDList logitList = new NDList();
            NDList boxList = new NDList();
            for (StageOutput s : stages) {
                logitList.add(s.logits());
                boxList.add(s.boxes());
            }
            NDArray logits = NDArrays.stack(logitList); // (T, B, N, K)
            NDArray boxes = NDArrays.stack(boxList); // (T, B, N, 4)
            logits.attach(scope);
            boxes.attach(scope);
            // matching sees detached host copies
            float[] hostLogits = logits.toFloatArray();
            float[] hostBoxes = boxes.toFloatArray();

            List<List<Assignment>> assignments = new ArrayList<>();
            float[] oneHot = new float[numStages * batch * n * k];
            int[] positives = new int[numStages];
            List<long[]> pairs = new ArrayList<>(); // {flat prediction index into T*B*N, stage, image, gt}
            int totalGt = 0;
            for (ImageTargets target : targets) {
                totalGt += target.size();
            }
            // T x B independent problems; matchers are stateless, so they run in parallel (the
            // engine's own threads idle between forward and backward). Failures are rethrown here
            // with their original one-line message.
            Assignment[] results = new Assignment[numStages * batch];
            IllegalArgumentException[] failure = new IllegalArgumentException[1];
            int[] failedTask = {Integer.MAX_VALUE};
            IntStream.range(0, numStages * batch).parallel().forEach(task -> {
                int t = task / batch;
                int b = task % batch;
                int base = task * n;
                ImageTargets target = targets.get(b);
                try {
                    results[task] = matcher.match(new MatchProblem(
                            rows(hostLogits, base, n, k), rows(hostBoxes, base, n, 4),
                            target.boxes(), target.labels(), target.width(), target.height(),
                            t + 1, numStages));
                } catch (IllegalArgumentException e) {
                    synchronized (failure) {
                        if (task < failedTask[0]) { // report the first problem in (stage, image) order
                            failedTask[0] = task;
                            failure[0] = new IllegalArgumentException(
                                    "stage " + (t + 1) + ", image " + b + ": " + e.getMessage(), e);
                        }
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            for (int t = 0; t < numStages; t++) {
                List<Assignment> perImage = new ArrayList<>(batch);
                for (int b = 0; b < batch; b++) {
                    int base = (t * batch + b) * n;
                    ImageTargets target = targets.get(b);
                    Assignment a = results[t * batch + b];
                    perImage.add(a);
                    int[] gtOf = a.gtOfPrediction();
                    for (int j = 0; j < n; j++) {
                        if (gtOf[j] >= 0) {
                            oneHot[(base + j) * k + target.labels()[gtOf[j]]] = 1f;
                            pairs.add(new long[] {base + j, t, b, gtOf[j]});
                            positives[t]++;
                        }
                    }
                }
                assignments.add(List.copyOf(perImage));
            }

            float[] clsScale = new float[numStages];
            float[] l1Scale = new float[numStages];
            float[] giouScale = new float[numStages];
            for (int t = 0; t < numStages; t++) {
                double norm = Math.max(1, matcher.name().equals("ota") ? positives[t] : totalGt);
                clsScale[t] = (float) (weights.clsWeight() / norm);
                l1Scale[t] = (float) (weights.l1Weight() / norm);
                giouScale[t] = (float) (weights.giouWeight() / norm);
            }

            NDArray targetArray = HostArrays.owned(scope, oneHot, logits.getShape());
            NDArray focal = SigmoidFocalLoss.elementwise(
                    logits, targetArray, weights.focalAlpha(), weights.focalGamma());
            NDArray clsPerStage = focal.sum(new int[] {1, 2, 3}).mul(HostArrays.owned(scope, clsScale));

            NDArray l1PerStage;
            NDArray giouPerStage;
            int p = pairs.size();
            if (p == 0) {
                l1PerStage = scope.zeros(new Shape(numStages));
                giouPerStage = scope.zeros(new Shape(numStages));
            } else {
                long[] index = new long[p];
                float[] gt = new float[p * 4];
                float[] whwh = new float[p * 4];
                float[] stageOfPair = new float[numStages * p]; // (T, P) one-hot rows for per-stage sums
                for (int q = 0; q < p; q++) {
                    long[] pair = pairs.get(q);
                    index[q] = pair[0];
                    ImageTargets target = targets.get((int) pair[2]);
                    System.arraycopy(target.boxes()[(int) pair[3]], 0, gt, 4 * q, 4);
                    whwh[4 * q] = target.width();
                    whwh[4 * q + 1] = target.height();
                    whwh[4 * q + 2] = target.width();
                    whwh[4 * q + 3] = target.height();
                    stageOfPair[(int) pair[1] * p + q] = 1f;
                }
                NDArray matched = boxes.reshape(numStages * batch * n, 4).get(HostArrays.owned(scope, index)); // (P, 4)
                NDArray gtBoxes = HostArrays.owned(scope, gt, new Shape(p, 4));
                NDArray whwhArray = HostArrays.owned(scope, whwh, new Shape(p, 4));
                NDArray perStage = HostArrays.owned(scope, stageOfPair, new Shape(numStages, p));
                NDArray l1PerPair = matched.sub(gtBoxes).div(whwhArray).abs().sum(new int[] {1}); // (P)
                NDArray giouLossPerPair = NdBoxOps.pairedGiou(matched, gtBoxes).neg().add(1f); // (P)
                l1PerStage = perStage.matMul(l1PerPair).mul(HostArrays.owned(scope, l1Scale));
                giouPerStage = perStage.matMul(giouLossPerPair).mul(HostArrays.owned(scope, giouScale));
            }
            NDArray total = clsPerStage.add(l1PerStage).add(giouPerStage).sum();
            total.attach(parent);
            Map<String, NDArray> losses = new LinkedHashMap<>();
            for (int t = 0; t < numStages; t++) {
                losses.put("s" + (t + 1) + ".cls", keep(clsPerStage.get(t), parent));
                losses.put("s" + (t + 1) + ".l1", keep(l1PerStage.get(t), parent));
                losses.put("s" + (t + 1) + ".giou", keep(giouPerStage.get(t), parent));
            }
            return new CriterionResult(total, losses, List.copyOf(assignments), positives);
        }
    }

    private static NDArray keep(NDArray array, NDManager parent) {
        array.attach(parent);
        return array;
    }

    /** rows [base, base + count) of a flat (.., width) array as float[count][width]. */
    private static float[][] rows(float[] flat, int base, int count, int width) {
        float[][] out = new float[count][width];
        for (int r = 0; r < count; r++) {
            System.arraycopy(flat, (base + r) * width, out[r], 0, width);
        }
        return out;
    }
}
