package org.dsrcnn.engine.assign;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Both matchers, end to end (cost matrix + solve + per-GT records), on one image of 300
 * predictions x 50 GT with K = 80 classes: what the Assignment view recomputes while a GT box is
 * dragged. SampleTime mode, so the report has the median (p0.50). Not a unit test (surefire skips
 * {@code *Benchmark}); run {@link #main}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatcherBenchmark {

    /** "random": boxes anywhere; "clustered": 5 jittered copies of every GT (a trained model's look). */
    @Param({"random", "clustered"})
    public String scene;

    private MatchProblem problem;
    private HungarianMatcher hungarian;
    private OtaMatcher ota;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        problem = "random".equals(scene) ? TestProblems.random(r, 300, 50, 80, 6, 6) : clustered(r);
        hungarian = new HungarianMatcher(TestProblems.paperLoss());
        ota = new OtaMatcher(TestProblems.ota("dynamic", true, 0.1, 50), TestProblems.paperLoss());
    }

    static MatchProblem clustered(Random r) {
        MatchProblem base = TestProblems.random(r, 300, 50, 80, 6, 6);
        float[][] boxes = base.boxes();
        float[][] logits = base.logits();
        for (int j = 0; j < 250; j++) {
            int g = j / 5;
            float[] gt = base.gtBoxes()[g];
            float w = gt[2] - gt[0];
            float h = gt[3] - gt[1];
            float x1 = gt[0] + (float) r.nextGaussian() * 0.05f * w;
            float y1 = gt[1] + (float) r.nextGaussian() * 0.05f * h;
            boxes[j] = new float[] {x1, y1,
                x1 + w * (1 + (float) r.nextGaussian() * 0.05f), y1 + h * (1 + (float) r.nextGaussian() * 0.05f)};
            Arrays.fill(logits[j], -4f);
            logits[j][base.gtLabels()[g]] = 1f + (float) r.nextGaussian();
        }
        return new MatchProblem(logits, boxes, base.gtBoxes(), base.gtLabels(),
                base.imageWidth(), base.imageHeight(), 6, 6);
    }

    @Benchmark
    public Assignment hungarian() {
        return hungarian.match(problem);
    }

    @Benchmark
    public Assignment ota() {
        return ota.match(problem);
    }

    /**
     * Runs this benchmark. From the repository root:
     *
     * <pre>
     * mvn -q -o -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
     * java -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/cp.txt) \
     *     org.dsrcnn.engine.assign.MatcherBenchmark
     * </pre>
     */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(MatcherBenchmark.class.getName() + ".*").build()).run();
    }
}
