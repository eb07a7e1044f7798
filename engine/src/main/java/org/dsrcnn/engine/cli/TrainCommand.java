package org.dsrcnn.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.train.EtaEstimator;
import org.dsrcnn.engine.train.RunStatus;
import org.dsrcnn.engine.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dsrcnn train}: trains a model on a COCO-layout dataset, resumable. SIGTERM or Ctrl-C stops
 * the run as {@code RUN/STOP} does (see {@link TrainShutdown}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train on DIR/{train,val} + DIR/annotations/{train,val}.json; writes RUN/metrics.jsonl, "
                + "RUN/status.json, checkpoints and RUN/model.",
            "Stop it with RUN/STOP or SIGTERM (it checkpoints, then exits 0); continue with --out RUN --resume."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", description = "preset name (small, paper, paper-baseline) or config file; "
            + "required for a new run, optional with --resume (the run's saved config is used)")
    String config;

    @Option(names = "--data", description = "dataset directory (COCO layout); optional with --resume")
    Path data;

    @Option(names = "--out", required = true, description = "run directory")
    Path out;

    @Option(names = "--iters", description = "override solver.maxIters (with --resume: train on to this iteration)")
    Integer iters;

    @Option(names = "--resume", description = "continue from the newest checkpoint in --out")
    boolean resume;

    @Option(names = "--force", description = "start a new run even though --out holds one (the old run is moved to "
            + "--out/replaced-<time>/, not deleted)")
    boolean force;

    @Option(names = "--set", description = "override any config value, e.g. --set matcher.type=hungarian "
            + "(with --resume only solver.* may change)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--eval-images", description = "val images per evaluation (0 = all; default: 0, or the run's with --resume)")
    Integer evalImages;

    @Option(names = "--init", paramLabel = "M",
            description = "start a new run from the weights of model directory M (same architecture)")
    Path init;

    @Option(names = "--reinit", paramLabel = "PREFIX",
            description = "with --init: parameters named PREFIX or PREFIX.* keep their fresh initialisation, "
                    + "e.g. --reinit proposals.weight_net (repeatable)")
    List<String> reinit = new ArrayList<>();

    @Option(names = "--respread-experts", paramLabel = "JITTER",
            description = "with --init: every DPG expert restarts as a copy of M's proposal (its mix on a blank image), "
                    + "boxes jittered by U(-JITTER, JITTER) in image units, features by JITTER standard deviations")
    Double respreadExperts;

    @Option(names = "--no-progress", description = "no progress bar (for logs)")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        Map<String, String> settings = settings();
        DsrcnnConfig cfg = resolveConfig(settings);
        if (!resume && cfg == null) {
            throw new IllegalArgumentException("--config is required for a new run (a preset " + Presets.NAMES
                    + " or a config file)");
        }
        if (!resume && data == null) {
            throw new IllegalArgumentException("--data is required for a new run (a dataset directory with "
                    + "annotations/train.json)");
        }
        if (data != null && !Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + (Files.exists(data) ? " is a file" : " does not exist")
                    + "; expected a dataset directory with annotations/train.json");
        }
        if (resume && init != null) {
            throw new IllegalArgumentException("--init starts a new run from other weights; it cannot be combined with --resume");
        }
        TrainingRun run = new TrainingRun(new TrainingRun.Options(cfg, data, out, resume, evalImages, init, reinit,
                respreadExperts, settings, force));
        TrainingRun.Result result;
        try (TrainShutdown shutdown = TrainShutdown.install(run)) {
            result = train(run, cfg);
        }
        if (RunStatus.STOPPED.equals(result.state())) {
            System.out.println("stopped at iteration " + result.iteration() + ": " + result.checkpoint());
        } else {
            System.out.println("model: " + result.model());
        }
        return 0;
    }

    private TrainingRun.Result train(TrainingRun run, DsrcnnConfig cfg) throws Exception {
        if (noProgress || System.console() == null && System.getenv("TERM") == null) {
            run.onProgress(p -> {
                if (p.iteration() % 20 == 0 || p.iteration() == p.maxIters()) {
                    System.err.println(line(p));
                }
            });
            return run.run();
        }
        long max = cfg != null ? cfg.solver().maxIters() : 0;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build()) {
            run.onProgress(p -> {
                bar.maxHint(p.maxIters());
                bar.stepTo(p.iteration());
                bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f  %.1f img/s  ETA %s",
                        p.step().losses().get("total"), p.imagesPerSecond(), EtaEstimator.format(p.etaSeconds())));
            });
            run.onMessage(msg -> {
                System.err.println();
                System.err.println(msg);
            });
            return run.run();
        }
    }

    private static String line(TrainingRun.Progress p) {
        return String.format(Locale.ROOT, "iter %d/%d  loss %.4f  grad %.3f  %.2f img/s  eta %s", p.iteration(),
                p.maxIters(), p.step().losses().get("total"), p.step().gradNorm(), p.imagesPerSecond(),
                EtaEstimator.format(p.etaSeconds()));
    }

    /** The explicit settings of this command line, in order: every --set, then --iters. */
    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String o : overrides) {
            KeyValue setting = KeyValue.parse("--set", o);
            settings.put(setting.key(), setting.value());
        }
        if (iters != null) {
            settings.put("solver.maxIters", String.valueOf(iters));
        }
        return settings;
    }

    private DsrcnnConfig resolveConfig(Map<String, String> settings) {
        if (config == null) {
            return null;
        }
        DsrcnnConfig cfg = Presets.load(config);
        for (Map.Entry<String, String> s : settings.entrySet()) {
            cfg = Presets.with(cfg, s.getKey(), s.getValue());
        }
        return cfg;
    }
}
