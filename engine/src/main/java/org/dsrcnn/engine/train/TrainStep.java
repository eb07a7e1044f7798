package org.dsrcnn.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.assign.Assignment;
import org.dsrcnn.engine.assign.GtMatch;
import org.dsrcnn.engine.data.Batch;
import org.dsrcnn.engine.diagnostics.DpgStatistics;
import org.dsrcnn.engine.loss.CriterionResult;
import org.dsrcnn.engine.loss.SetCriterion;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.SparseRcnnOutput;

/**
 * One optimisation step: forward with deep supervision, the set criterion on every stage, backward,
 * global-norm clip, AdamW. Every intermediate NDArray lives in an {@link NDScope} closed at the end
 * of the step, so memory stays flat over hundreds of thousands of iterations.
 */
public final class TrainStep {
    private final SparseRcnn model;
    private final SetCriterion criterion;
    private final AdamW optimizer;
    private final ParameterStore parameterStore;
    private final Map<String, Parameter> parameters;
    private final double clipNorm;

    public TrainStep(SparseRcnn model, SetCriterion criterion, AdamW optimizer, ParameterStore ps, double clipNorm) {
        this.model = model;
        this.criterion = criterion;
        this.optimizer = optimizer;
        this.parameterStore = ps;
        this.parameters = model.namedParameters();
        this.clipNorm = clipNorm;
    }

    /**
     * Runs one step on a batch.
     *
     * @param batch images (B,3,Hp,Wp), sizes (B,4) and targets in input pixels
     * @param lr learning rate for this step
     */
    public StepResult run(Batch batch, double lr) {
        try (NDScope scope = new NDScope()) {
            Map<String, Double> losses = new LinkedHashMap<>();
            int[] positives;
            double[] meanKStar;
            Map<String, Double> dpg;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                SparseRcnnOutput out = model.forward(parameterStore, batch.images(), batch.imageWhwh(), true);
                CriterionResult result;
                try {
                    result = criterion.compute(out.stages(), batch.targets());
                } catch (IllegalArgumentException e) {
                    // non-finite or inverted predicted boxes: the model diverged on this batch; skip
                    // the step (the run stops if it keeps happening) instead of dying mid-run
                    zeroGradients();
                    return StepResult.skipped(e.getMessage());
                }
                gc.backward(result.total());
                List<String> names = new ArrayList<>(result.losses().keySet());
                NDList scalars = new NDList();
                for (String n : names) {
                    scalars.add(result.losses().get(n).reshape(1));
                }
                scalars.add(result.total().reshape(1));
                float[] values = NDArrays.concat(scalars).toFloatArray();
                for (int i = 0; i < names.size(); i++) {
                    losses.put(names.get(i), (double) values[i]);
                }
                losses.put("total", (double) values[names.size()]);
                positives = result.positives();
                meanKStar = meanKStar(result.assignments());
                dpg = out.expertWeights() == null ? Map.of() : dpgStatistics(out.expertWeights());
            }
            double norm = GradientClipper.globalNorm(parameters);
            boolean finite = Double.isFinite(norm) && Double.isFinite(losses.get("total"));
            if (finite) {
                optimizer.step(parameters, lr, GradientClipper.scale(norm, clipNorm));
            }
            zeroGradients();
            return new StepResult(losses, norm, positives, finite,
                    finite ? null : "non-finite loss or gradient", meanKStar, dpg);
        }
    }

    /** Per stage, the mean k* over every GT of the batch (empty when the batch has no GT). */
    static double[] meanKStar(List<List<Assignment>> assignments) {
        double[] out = new double[assignments.size()];
        for (int t = 0; t < out.length; t++) {
            double sum = 0;
            int count = 0;
            for (Assignment a : assignments.get(t)) {
                for (GtMatch g : a.gts()) {
                    sum += g.kStar();
                    count++;
                }
            }
            if (count == 0) {
                return new double[0];
            }
            out[t] = sum / count;
        }
        return out;
    }

    /** Entropy, max weight and between-image TV of the batch's (B, N, Ne) expert weights. */
    private static Map<String, Double> dpgStatistics(NDArray weights) {
        long[] shape = weights.getShape().getShape();
        int b = (int) shape[0];
        int n = (int) shape[1];
        int ne = (int) shape[2];
        float[] flat = weights.toFloatArray();
        List<DpgStatistics.ImageMix> mixes = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            float[][] rows = new float[n][ne];
            for (int j = 0; j < n; j++) {
                System.arraycopy(flat, (i * n + j) * ne, rows[j], 0, ne);
            }
            mixes.add(new DpgStatistics.ImageMix(rows, null, 1, 1));
        }
        DpgStatistics s = DpgStatistics.of(mixes);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("entropy", s.entropy());
        out.put("max_weight", s.maxWeight());
        out.put("pairwise_tv", s.pairwiseTv());
        return out;
    }

    private void zeroGradients() {
        for (Parameter p : parameters.values()) {
            if (p.requiresGradient() && p.isInitialized()) {
                NDArray a = p.getArray();
                if (a instanceof PtNDArray pt) {
                    JniUtils.zeroGrad(pt);
                } else {
                    a.getGradient().subi(a.getGradient());
                }
            }
        }
    }
}
