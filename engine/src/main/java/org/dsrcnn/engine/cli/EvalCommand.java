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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dsrcnn eval}: COCO box evaluation. Prints the 12 summary lines exactly as pycocotools does;
 * {@code --json} also writes the 12 numbers by name.
 *
 * <p>Today it scores a results file against a ground truth file ({@code --gt}, {@code --dt}). The
 * model mode ({@code --model M --data DIR [--split val]}) belongs to the trainer: it adds its options
 * here and a branch in {@link #resolveInput()} that runs the model over
 * {@code CocoDataset.loadSplit(DIR, split)} and returns the ground truth with the detections
 * (category ids via {@link CocoDataset#categoryIdOf}); scoring and printing stay as they are.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "COCO box evaluation (AP, AP50, AP75, APs/m/l, AR1/10/100, ARs/m/l), as pycocotools prints it.",
            "  dsrcnn eval --gt GT.json --dt DT.json [--json FILE]"
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

    @Option(names = "--per-class", description = "after the summary, print AP, AP50 and AP75 per category")
    boolean perClass;

    /** What to score: a ground truth and detections in its image and category ids. */
    record Evaluation(CocoDataset gt, List<CocoDetection> detections) {}

    @Override
    public Integer call() throws Exception {
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
        out.flush();
        if (json != null) {
            metrics.writeJson(json);
        }
        return 0;
    }

    /** The evaluation input of the chosen mode (the extension point for a model mode). */
    private Evaluation resolveInput() {
        if (gt == null || dt == null) {
            throw new IllegalArgumentException("give the ground truth and the detections: --gt GT.json --dt DT.json");
        }
        CocoDataset truth = CocoDataset.load(gt, null);
        return new Evaluation(truth, CocoResults.read(dt));
    }
}
