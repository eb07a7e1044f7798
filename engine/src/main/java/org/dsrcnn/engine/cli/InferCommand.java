package org.dsrcnn.engine.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dsrcnn.engine.data.ImageDecoding;
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
        for (Path p : images) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no such image: " + p);
            }
        }
        try (Predictor predictor = Predictor.open(model, org.dsrcnn.engine.infer.Devices.parse(device))) {
            for (Path p : images) {
                BufferedImage image = ImageDecoding.read(p);
                DetectionTrace t = predictor.predict(image);
                for (Detection d : t.detections()) {
                    if (d.score() < threshold) {
                        continue;
                    }
                    float[] b = d.box();
                    out.printf(Locale.ROOT, "%s\t%s\t%.3f\t%.1f %.1f %.1f %.1f%n", p.getFileName(),
                            t.classNames().get(d.label()), d.score(), b[0], b[1], b[2], b[3]);
                }
                spec.commandLine().getErr().printf(Locale.ROOT, "infer: %s: %d detections, %.0f ms%n",
                        p.getFileName(), t.detections().size(), t.timingsMs().get("total"));
                if (trace != null) {
                    Path target = images.size() == 1 ? trace
                            : trace.resolveSibling(trace.getFileName() + "." + p.getFileName() + ".json");
                    TraceJson.write(t, target);
                }
            }
        }
        out.flush();
        return 0;
    }
}
