package org.dsrcnn.app.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.StageTrace;
import org.dsrcnn.viewer.canvas.LabeledBoxes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One recompute of the Assignment page with one GT box moved by a pixel each call: as during a
 * drag (stage t only, OTA with dynamic k and Hungarian, what the canvases and the cost matrix show)
 * and as after any other edit (both matchers at each of the 6 stages: also the positives chart and
 * the follow strip). Sizes: 300 predictions x 20 GT x 80 classes (a COCO model), and the default model's
 * 100 x 20 x 8. Predictions cluster around the GT as a trained model's do. SampleTime, so the
 * report has the median. Not a unit test (surefire skips {@code *Benchmark}); run {@link #main}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssignmentRecomputeBenchmark {

    @Param({"300x20x80", "100x20x8"})
    public String size;

    private DetectionTrace trace;
    private LabeledBoxes gt;
    private MatcherSettings settings;
    private org.dsrcnn.engine.config.DsrcnnConfig.Loss loss;
    private int step;

    @Setup
    public void setUp() {
        String[] p = size.split("x");
        int n = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        int k = Integer.parseInt(p[2]);
        Random r = new Random(7);
        int w = 1216;
        int h = 800;
        float[][] gtBoxes = new float[m][];
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            float bw = 30 + r.nextFloat() * 300;
            float bh = 30 + r.nextFloat() * 300;
            float x = r.nextFloat() * (w - bw);
            float y = r.nextFloat() * (h - bh);
            gtBoxes[i] = new float[] {x, y, x + bw, y + bh};
            labels[i] = r.nextInt(k);
        }
        gt = new LabeledBoxes(gtBoxes, labels);
        List<StageTrace> stages = new ArrayList<>();
        for (int t = 0; t <= 6; t++) {
            float[][] boxes = new float[n][];
            float[][] logits = t == 0 ? null : new float[n][k];
            for (int j = 0; j < n; j++) {
                float[] g = gtBoxes[j % m];
                float jitter = 0.3f / (t + 1);
                float bw = g[2] - g[0];
                float bh = g[3] - g[1];
                float x1 = g[0] + (float) r.nextGaussian() * jitter * bw;
                float y1 = g[1] + (float) r.nextGaussian() * jitter * bh;
                boxes[j] = new float[] {x1, y1, x1 + bw * (1 + (float) r.nextGaussian() * jitter),
                    y1 + bh * (1 + (float) r.nextGaussian() * jitter)};
                boxes[j][2] = Math.max(boxes[j][0] + 1, boxes[j][2]);
                boxes[j][3] = Math.max(boxes[j][1] + 1, boxes[j][3]);
                if (logits != null) {
                    for (int c = 0; c < k; c++) {
                        logits[j][c] = (float) (r.nextGaussian() - 4);
                    }
                    logits[j][labels[j % m]] += 3 + t * 0.5f;
                }
            }
            stages.add(new StageTrace(t, boxes, logits));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add("c" + c);
        }
        trace = new DetectionTrace(w, h, names, stages, null, List.of(), new HashMap<>());
        var config = Presets.load("small");
        settings = MatcherSettings.of(config.matcher());
        loss = config.loss();
    }

    private AssignmentResult full;

    private LabeledBoxes moved() {
        float[][] boxes = gt.boxes().clone();
        float d = (step++ % 20) - 10;
        boxes[0] = new float[] {gt.boxes()[0][0] + d, gt.boxes()[0][1], gt.boxes()[0][2] + d, gt.boxes()[0][3]};
        return new LabeledBoxes(boxes, gt.labels());
    }

    /** What a drag recomputes per mouse move: stage t only, OTA and Hungarian. */
    @Benchmark
    public AssignmentResult recomputeDuringADrag() {
        if (full == null) {
            full = AssignmentComputation.compute(trace, gt, 6, settings, loss);
        }
        return AssignmentComputation.compute(trace, moved(), 6, settings, loss, full);
    }

    /** What any other edit recomputes: both matchers at all six stages. */
    @Benchmark
    public AssignmentResult recomputeAllStages() {
        return AssignmentComputation.compute(trace, moved(), 6, settings, loss);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(AssignmentRecomputeBenchmark.class.getSimpleName()).build()).run();
    }
}
