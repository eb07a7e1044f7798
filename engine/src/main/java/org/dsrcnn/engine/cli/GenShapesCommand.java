package org.dsrcnn.engine.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dsrcnn.engine.data.shapes.SceneGenerator;
import org.dsrcnn.engine.data.shapes.ShapesDatasetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dsrcnn gen-shapes}: writes the synthetic shapes dataset in COCO layout. */
@Command(
        name = "gen-shapes",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the synthetic shapes dataset (8 classes) in COCO layout:",
            "  DIR/train/*.png, DIR/val/*.png, DIR/annotations/train.json, DIR/annotations/val.json.",
            "The output is byte-identical for the same seed and size."
        })
public final class GenShapesCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--train", required = true, paramLabel = "N", description = "training images")
    int train;

    @Option(names = "--val", required = true, paramLabel = "M", description = "validation images")
    int val;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "random seed")
    long seed;

    @Option(names = "--size", paramLabel = "P", defaultValue = "256", description = "image side in pixels (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--force", description = "replace a dataset already in DIR (its train/, val/ and annotations/ "
            + "are deleted first, so no stale image stays behind)")
    boolean force;

    /** The folders a dataset consists of: an older one in --out would be mixed with the new one. */
    private static final java.util.List<String> DATASET_PARTS = java.util.List.of("annotations", "train", "val");

    @Override
    public Integer call() throws Exception {
        if (train < 0 || val < 0) {
            throw new IllegalArgumentException("--train and --val must be >= 0");
        }
        if (train + val == 0) {
            throw new IllegalArgumentException("nothing to write: --train and --val are both 0");
        }
        ShapesDatasetWriter writer = new ShapesDatasetWriter(size, seed); // checks the size
        replaceOrRefuse();
        ShapesDatasetWriter.Summary s;
        if (quiet) {
            s = writer.write(out, train, val, n -> { });
        } else {
            try (ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName("gen-shapes")
                    .setInitialMax(train + val)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" img", 1)
                    .showSpeed()
                    .build()) {
                s = writer.write(out, train, val, bar::stepBy);
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT,
                "wrote %d images (%d train, %d val) of %dx%d to %s in %.1f s (%.0f images/s)%n"
                        + "objects: %d labelled (small %d, medium %d, large %d), %d left unlabelled as "
                        + "mostly hidden (< %.0f%% visible)%n",
                s.images(), train, val, size, size, out, s.seconds(), s.imagesPerSecond(),
                s.objects(), s.small(), s.medium(), s.large(), s.dropped(),
                100 * SceneGenerator.MIN_VISIBLE_FRACTION);
        return 0;
    }

    private void replaceOrRefuse() throws java.io.IOException {
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; expected a directory");
        }
        java.util.List<String> present = DATASET_PARTS.stream()
                .filter(part -> java.nio.file.Files.exists(out.resolve(part))).toList();
        if (present.isEmpty()) {
            return;
        }
        if (!force) {
            throw new IllegalArgumentException(out + " already holds a dataset (" + String.join("/, ", present)
                    + "/): pass --force to replace it, or choose another --out");
        }
        for (String part : present) {
            org.dsrcnn.engine.model.io.AtomicFiles.deleteTree(out.resolve(part));
        }
        spec.commandLine().getErr().println("gen-shapes: --force: replaced the dataset in " + out);
    }
}
