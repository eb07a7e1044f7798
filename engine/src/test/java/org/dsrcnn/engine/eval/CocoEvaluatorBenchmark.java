package org.dsrcnn.engine.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.CocoJsonBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * COCO evaluation of 500 images x 100 detections (8 classes, 6 GT per image). Run:
 * {@code java -cp engine/target/test-classes:engine/target/classes:<deps> org.openjdk.jmh.Main CocoEvaluatorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CocoEvaluatorBenchmark {

    private CocoDataset gt;
    private List<CocoDetection> dt;

    @Setup
    public void setUp() throws IOException {
        Random rng = new Random(1);
        CocoJsonBuilder b = new CocoJsonBuilder();
        for (int c = 1; c <= 8; c++) {
            b.category(c, "c" + c);
        }
        List<double[]> gtBoxes = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            b.image(i, 256, 256);
            for (int g = 0; g < 6; g++) {
                double w = 8 + rng.nextDouble() * 120;
                double h = 8 + rng.nextDouble() * 120;
                double x = rng.nextDouble() * (256 - w);
                double y = rng.nextDouble() * (256 - h);
                int c = 1 + rng.nextInt(8);
                b.box(i, c, x, y, w, h);
                gtBoxes.add(new double[] {i, c, x, y, w, h});
            }
        }
        Path dir = Files.createTempDirectory("coco-bench");
        gt = b.load(dir.resolve("gt.json"));
        dt = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            for (int d = 0; d < 100; d++) {
                double[] g = gtBoxes.get((i - 1) * 6 + rng.nextInt(6));
                double j = d < 20 ? 0.05 : 0.5;
                dt.add(new CocoDetection(i, d < 20 ? (int) g[1] : 1 + rng.nextInt(8),
                        g[2] + rng.nextGaussian() * j * g[4], g[3] + rng.nextGaussian() * j * g[5],
                        g[4] * Math.exp(rng.nextGaussian() * j), g[5] * Math.exp(rng.nextGaussian() * j),
                        rng.nextDouble()));
            }
        }
    }

    @Benchmark
    public CocoMetrics evaluate500ImagesX100Detections() {
        return CocoEvaluator.evaluate(gt, dt);
    }
}
