package org.dsrcnn.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.eval.CocoDetection;
import org.dsrcnn.engine.eval.CocoEvaluator;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.eval.CocoResults;
import org.dsrcnn.engine.eval.PerStageEvaluation;
import org.dsrcnn.engine.infer.DatasetInference;
import org.dsrcnn.engine.infer.Predictor;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dsrcnn eval}: COCO box evaluation. Prints the 12 summary lines exactly as pycocotools does;
 * {@code --json} also writes the 12 numbers by name.
 *
 * <p>Two modes: score a results file against a ground truth file ({@code --gt}, {@code --dt}), or
 * run a model over a dataset split and score it ({@code --model M --data DIR [--split val]}).
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "COCO box evaluation (AP, AP50, AP75, APs/m/l, AR1/10/100, ARs/m/l), as pycocotools prints it.",
            "  dsrcnn eval --gt GT.json --dt DT.json [--json FILE]",
            "  dsrcnn eval --model M --data DIR [--split val] [--dt-out DT.json] [--json FILE]"
        })
public final class EvalCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--gt", paramLabel = "GT.json", description = "ground truth: a COCO annotation file")
    Path gt;

    @Option(names = "--dt", paramLabel = "DT.json",
            description = "detections: a COCO results file (image_id, category_id, bbox [x,y,w,h], score)")
    Path dt;

    @Option(names = "--json", paramLabel = "FILE",
            description = "also write {\"AP\":..,\"AP50\":..,...,\"ARl\":..} to FILE")
    Path json;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu|auto",
            description = "where the model runs (default: ${DEFAULT-VALUE}; gpu needs a CUDA libtorch)")
    String device;

    @Option(names = "--model", paramLabel = "M", description = "a model directory to run over --data")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "dataset directory (COCO layout) for --model")
    Path data;

    @Option(names = "--split", defaultValue = "val", description = "split of --data (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--max-images", defaultValue = "0", description = "evaluate only the first N images (0 = all)")
    int maxImages;

    @Option(names = "--batch", defaultValue = "8", description = "images per forward pass (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--dt-out", paramLabel = "DT.json", description = "with --model: also write the detections")
    Path dtOut;

    @Option(names = "--per-class", description = "after the summary, print AP, AP50 and AP75 per category")
    boolean perClass;

    @Option(names = "--per-stage", description = "with --model: also the AP of every head stage evaluated as if it "
            + "were the last (the paper's Figure 6); with --json they are written as \"stages\"")
    boolean perStage;

    private List<CocoMetrics> stageMetrics;

    /** What to score: a ground truth and detections in its image and category ids. */
    record Evaluation(CocoDataset gt, List<CocoDetection> detections) {}

    @Override
    public Integer call() throws Exception {
        if (json != null) {
            OutputPaths.requireFile("--json", json);
        }
        if (dtOut != null) {
            OutputPaths.requireFile("--dt-out", dtOut);
        }
        if (perStage && model == null) {
            throw new IllegalArgumentException("--per-stage needs --model M --data DIR (a results file has no stages)");
        }
        Evaluation input = resolveInput();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!input.gt().report().isClean()) {
            err.println("eval: warning: " + input.gt().report().summary());
        }
        CocoMetrics metrics = CocoEvaluator.evaluate(input.gt(), input.detections());
        metrics.summaryLines().forEach(out::println);
        if (perClass) {
            out.println();
            out.printf(Locale.ROOT, "%-20s %7s %7s %7s%n", "category", "AP", "AP50", "AP75");
            for (CocoMetrics.CategoryAp c : metrics.perCategory()) {
                out.printf(Locale.ROOT, "%-20s %7.3f %7.3f %7.3f%n", c.name(), c.ap(), c.ap50(), c.ap75());
            }
        }
        if (stageMetrics != null) {
            out.println();
            out.printf(Locale.ROOT, "%-8s %7s %7s %7s%n", "stage", "AP", "AP50", "AP75");
            for (int t = 0; t < stageMetrics.size(); t++) {
                CocoMetrics m = stageMetrics.get(t);
                out.printf(Locale.ROOT, "%-8d %7.3f %7.3f %7.3f%n", t + 1, m.get("AP"), m.get("AP50"), m.get("AP75"));
            }
        }
        out.flush();
        if (json != null) {
            if (stageMetrics == null) {
                metrics.writeJson(json);
            } else {
                java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(metrics.asMap());
                all.put("stages", stageMetrics.stream().map(CocoMetrics::asMap).toList());
                org.dsrcnn.engine.model.io.AtomicFiles.writeString(json,
                        new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                                .writeValueAsString(all));
            }
        }
        return 0;
    }

    /** The evaluation input of the chosen mode (the extension point for a model mode). */
    private Evaluation resolveInput() throws java.io.IOException {
        if (model != null) {
            if (data == null) {
                throw new IllegalArgumentException("--model needs --data DIR");
            }
            if (batch < 1 || maxImages < 0) {
                throw new IllegalArgumentException("--batch must be >= 1 and --max-images >= 0, got " + batch + " and "
                        + maxImages);
            }
            if (!java.nio.file.Files.isDirectory(data)) {
                throw new IllegalArgumentException("--data " + data + (java.nio.file.Files.exists(data) ? " is a file"
                        : " does not exist") + "; expected a dataset directory with annotations/" + split + ".json");
            }
            CocoDataset dataset = CocoDataset.loadSplit(data, split);
            if (dataset.size() == 0) {
                throw new IllegalArgumentException("split " + split + " of " + data + " has no usable images"
                        + (dataset.report().isClean() ? "" : " (" + dataset.report().summary() + ")"));
            }
            try (Predictor predictor = Predictor.open(model, org.dsrcnn.engine.infer.Devices.parse(device));
                    ProgressBar bar = new ProgressBarBuilder().setTaskName("eval").setStyle(ProgressBarStyle.ASCII)
                            .setInitialMax(maxImages > 0 ? Math.min(maxImages, dataset.size()) : dataset.size())
                            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                            .build()) {
                long t0 = System.nanoTime();
                DatasetInference.Result r;
                if (perStage) {
                    PerStageEvaluation stages = new PerStageEvaluation(dataset,
                            new org.dsrcnn.engine.infer.PostProcessor(predictor.config().inference()));
                    List<CocoDetection> finals = new java.util.ArrayList<>();
                    DatasetInference.Traced traced = DatasetInference.forEachTrace(predictor, dataset, batch, maxImages,
                            (info, trace) -> {
                                stages.add(info.id(), trace);
                                for (var d : trace.detections()) {
                                    float[] b = d.box();
                                    finals.add(CocoDetection.fromXyxy(info.id(), dataset.categoryIdOf(d.label()),
                                            b[0], b[1], b[2], b[3], d.score()));
                                }
                            }, bar::stepTo);
                    stageMetrics = stages.evaluate();
                    r = new DatasetInference.Result(finals, traced.skipped(), traced.images(), traced.warnings(),
                            traced.evaluatedIds());
                } else {
                    r = DatasetInference.detect(predictor, dataset, batch, maxImages, bar::stepTo);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (r.evaluatedIds().isEmpty()) { // one line says it all: no list of every image first
                    throw new IllegalArgumentException("none of the " + r.images() + " images of split " + split
                            + " could be read (first: " + r.skipped().get(0) + ")");
                }
                r.skipped().forEach(line -> spec.commandLine().getErr().println("eval: skipped " + line));
                r.warnings().forEach(line -> spec.commandLine().getErr().println("eval: warning: " + line));
                spec.commandLine().getErr().printf(Locale.ROOT, "eval: %d images in %.1f s (%.1f images/s)%n",
                        r.images(), seconds, r.images() / seconds);
                if (dtOut != null) {
                    CocoResults.write(dtOut, r.detections());
                }
                return new Evaluation(r.groundTruth(dataset), r.detections());
            }
        }
        if (gt == null || dt == null) {
            throw new IllegalArgumentException(
                    "give --gt GT.json --dt DT.json, or --model M --data DIR");
        }
        CocoDataset truth = CocoDataset.load(gt, null);
        if (truth.size() == 0) {
            throw new IllegalArgumentException(gt + " has no usable images: nothing to evaluate"
                    + (truth.report().isClean() ? "" : " (" + truth.report().summary() + ")"));
        }
        return new Evaluation(truth, CocoResults.read(dt));
    }
}
