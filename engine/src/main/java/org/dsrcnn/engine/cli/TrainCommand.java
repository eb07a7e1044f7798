package org.dsrcnn.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dsrcnn train}: trains a model on a COCO-layout dataset, resumable. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train on DIR/{train,val} + DIR/annotations/{train,val}.json; writes RUN/metrics.jsonl, "
                + "checkpoints and RUN/model.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "preset name (small, paper, paper-baseline) or config file")
    String config;

    @Option(names = "--data", required = true, description = "dataset directory (COCO layout)")
    Path data;

    @Option(names = "--out", required = true, description = "run directory")
    Path out;

    @Option(names = "--iters", description = "override solver.maxIters")
    Integer iters;

    @Option(names = "--resume", description = "continue from the last checkpoint in --out")
    boolean resume;

    @Option(names = "--set", description = "override any config value, e.g. --set matcher.type=hungarian")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--eval-images", defaultValue = "0", description = "val images per evaluation (0 = all)")
    int evalImages;

    @Option(names = "--init", paramLabel = "M",
            description = "start a new run from the weights of model directory M (same architecture)")
    Path init;

    @Option(names = "--reinit", paramLabel = "PREFIX",
            description = "with --init: parameters named PREFIX or PREFIX.* keep their fresh initialisation, "
                    + "e.g. --reinit proposals.weight_net (repeatable)")
    List<String> reinit = new ArrayList<>();

    @Option(names = "--no-progress", description = "no progress bar (for logs)")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        DsrcnnConfig cfg = resolveConfig();
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("no dataset directory " + data);
        }
        TrainingRun run = new TrainingRun(new TrainingRun.Options(cfg, data, out, resume, evalImages, init, reinit));
        Path model;
        if (noProgress || System.console() == null && System.getenv("TERM") == null) {
            run.onProgress(p -> {
                if (p.iteration() % 20 == 0 || p.iteration() == p.maxIters()) {
                    System.err.println(line(p));
                }
            });
            model = run.run();
        } else {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(cfg.solver().maxIters())
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build()) {
                run.onProgress(p -> {
                    bar.stepTo(p.iteration());
                    bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f  %.1f img/s",
                            p.step().losses().get("total"), p.imagesPerSecond()));
                });
                run.onMessage(msg -> {
                    System.err.println();
                    System.err.println(msg);
                });
                model = run.run();
            }
        }
        System.out.println("model: " + model);
        return 0;
    }

    private static String line(TrainingRun.Progress p) {
        return String.format(Locale.ROOT, "iter %d/%d  loss %.4f  grad %.3f  %.2f img/s", p.iteration(), p.maxIters(),
                p.step().losses().get("total"), p.step().gradNorm(), p.imagesPerSecond());
    }

    private DsrcnnConfig resolveConfig() {
        DsrcnnConfig cfg = Presets.load(config);
        for (String o : overrides) {
            KeyValue setting = KeyValue.parse("--set", o);
            cfg = Presets.with(cfg, setting.key(), setting.value());
        }
        if (iters != null) {
            cfg = Presets.with(cfg, "solver.maxIters", String.valueOf(iters));
        }
        return cfg;
    }
}
