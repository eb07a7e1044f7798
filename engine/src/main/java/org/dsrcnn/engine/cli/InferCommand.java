package org.dsrcnn.engine.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dsrcnn.engine.data.ImageDecoding;
import org.dsrcnn.engine.data.ImageReadException;
import org.dsrcnn.engine.infer.Predictor;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.TraceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dsrcnn infer}: detections for images, and optionally the full per-stage trace. */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Run a model on images; prints one line per detection (image, label, score, xyxy box in "
                + "original pixels).")
public final class InferCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu|auto",
            description = "where the model runs (default: ${DEFAULT-VALUE}; gpu needs a CUDA libtorch)")
    String device;

    @Option(names = "--model", required = true, paramLabel = "M", description = "model directory")
    Path model;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "image files")
    List<Path> images = new ArrayList<>();

    @Option(names = "--trace", paramLabel = "FILE",
            description = "write the trace (every stage's boxes and logits, DPG weights and expert boxes, "
                    + "detections, timings) as JSON; with several images FILE gets the image's name appended")
    Path trace;

    @Option(names = "--threshold", defaultValue = "0.3",
            description = "print detections scoring at least this (default: ${DEFAULT-VALUE}); the trace keeps all")
    double threshold;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("--threshold must be a score in [0, 1], got " + threshold);
        }
        for (Path p : images) {
            if (!java.nio.file.Files.isRegularFile(p)) { // a typo fails before the model is loaded
                throw new IllegalArgumentException(p + ": " + (java.nio.file.Files.isDirectory(p)
                        ? "is a directory, expected an image file" : "no such file (expected an image file)"));
            }
        }
        Map<Path, Path> traces = traceTargets();
        int failed = 0;
        try (Predictor predictor = Predictor.open(model, org.dsrcnn.engine.infer.Devices.parse(device))) {
            for (Path p : images) {
                BufferedImage image;
                try {
                    image = ImageDecoding.read(p);
                } catch (ImageReadException e) {
                    if (images.size() == 1) {
                        throw e;
                    }
                    // one bad image among several is reported and skipped; the exit code says so at the end
                    err.println("infer: " + e.getMessage());
                    failed++;
                    continue;
                }
                DetectionTrace t = predictor.predict(image);
                for (Detection d : t.detections()) {
                    if (d.score() < threshold) {
                        continue;
                    }
                    float[] b = d.box();
                    out.printf(Locale.ROOT, "%s\t%s\t%.3f\t%.1f %.1f %.1f %.1f%n", p.getFileName(),
                            t.classNames().get(d.label()), d.score(), b[0], b[1], b[2], b[3]);
                }
                err.printf(Locale.ROOT, "infer: %s: %d detections, %.0f ms%n",
                        p.getFileName(), t.detections().size(), t.timingsMs().get("total"));
                if (trace != null) {
                    TraceJson.write(t, traces.get(p));
                }
            }
        }
        out.flush();
        if (failed > 0) {
            throw new IllegalArgumentException(failed == images.size() ? "no image could be read"
                    : failed + " of " + images.size() + " images could not be read (see above)");
        }
        return 0;
    }

    /**
     * Where each image's trace goes. With several images FILE gets the image's name appended, so two
     * images of the same name (from two folders) would write one file: refused before anything runs.
     */
    private Map<Path, Path> traceTargets() {
        Map<Path, Path> targets = new LinkedHashMap<>();
        if (trace == null) {
            return targets;
        }
        OutputPaths.requireFile("--trace", trace);
        Map<Path, Path> byTarget = new LinkedHashMap<>();
        for (Path p : images) {
            Path target = images.size() == 1 ? trace
                    : trace.resolveSibling(trace.getFileName() + "." + p.getFileName() + ".json");
            Path other = byTarget.putIfAbsent(target.toAbsolutePath().normalize(), p);
            if (other != null) {
                throw new IllegalArgumentException("--trace: " + other + " and " + p + " would both write " + target
                        + " (same file name); run them separately or rename one");
            }
            targets.put(p, target);
        }
        return targets;
    }
}
