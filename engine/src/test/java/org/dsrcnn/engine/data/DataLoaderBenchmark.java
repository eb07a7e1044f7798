package org.dsrcnn.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.data.shapes.SceneGenerator;
import org.dsrcnn.engine.data.shapes.ShapesDatasetWriter;
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
 * Single-thread speed of the data path at 256 px: one shapes scene generated (no PNG), one PNG
 * encoded, and one training image decoded + augmented (the loader thread's work per image, small
 * preset).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DataLoaderBenchmark {

    private DataLoader loader;
    private SceneGenerator generator;
    private long iteration;
    private long scene;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("loader-bench");
        new ShapesDatasetWriter(256, 1).write(dir, 64, 0, n -> { });
        var config = Presets.with(Presets.load("small"), "solver.batchSize", "1");
        loader = new DataLoader(CocoDataset.loadSplit(dir, "train"), config);
        generator = new SceneGenerator(256);
    }

    @Benchmark
    public List<PreparedImage> decodeAndAugmentOneImage() {
        return loader.prepareBatch(iteration++);
    }

    @Benchmark
    public Object generateOneScene() {
        return generator.generate(1, 0, scene++);
    }

    @Benchmark
    public byte[] generateAndEncodeOneScene() throws IOException {
        return ShapesDatasetWriter.encodePng(generator.generate(1, 0, scene++).image());
    }
}
