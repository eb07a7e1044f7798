package org.dsrcnn.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.data.Batch;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.DataLoader;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.infer.DatasetInference;
import org.dsrcnn.engine.infer.Predictor;
import org.dsrcnn.engine.loss.SetCriterion;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.io.ModelFiles;

/**
 * One training run: {@code RUN/config.json}, {@code RUN/metrics.jsonl} (one line per iteration, an
 * {@code "eval"} line every {@code solver.evalPeriod}), checkpoints every
 * {@code solver.checkpointPeriod} (see {@link Checkpoints}), and the final model in
 * {@code RUN/model/}. A run killed at any moment and started again with {@code resume} continues
 * from its last checkpoint with the same optimizer state, schedule position and data order.
 */
public final class TrainingRun {

    /** What to train and where. */
    public record Options(
            DsrcnnConfig config,
            Path dataDir,
            Path runDir,
            boolean resume,
            /** val images evaluated at each evaluation (0 = the whole split). */
            int evalImages,
            /** a model directory whose weights initialise a new run (null = random init). */
            Path initWeights,
            /**
             * with {@code initWeights}: parameter-name prefixes (e.g. {@code proposals.weight_net})
             * that keep their fresh initialisation instead of the loaded values.
             */
            List<String> reinit) {

        public Options {
            reinit = reinit == null ? List.of() : List.copyOf(reinit);
            if (!reinit.isEmpty() && initWeights == null) {
                throw new IllegalArgumentException("--reinit needs --init M (there is nothing to keep the rest from)");
            }
        }

        /** Options for a run from random weights. */
        public Options(DsrcnnConfig config, Path dataDir, Path runDir, boolean resume, int evalImages) {
            this(config, dataDir, runDir, resume, evalImages, null, List.of());
        }
    }

    /** Progress callback payload, once per iteration. */
    public record Progress(long iteration, long maxIters, StepResult step, double imagesPerSecond) {}

    private static final int MAX_SKIPPED_IN_A_ROW = 20;

    private final Options options;
    private Consumer<Progress> progressListener = p -> {};
    private Consumer<String> messages = System.err::println;

    public TrainingRun(Options options) {
        this.options = options;
    }

    /** Receives one call per iteration (for a progress bar). */
    public TrainingRun onProgress(Consumer<Progress> listener) {
        this.progressListener = listener;
        return this;
    }

    /** Receives one-line messages (dataset warnings, checkpoints, evaluations). */
    public TrainingRun onMessage(Consumer<String> listener) {
        this.messages = listener;
        return this;
    }

    /**
     * Trains to {@code solver.maxIters}.
     *
     * @return the final model directory
     */
    public Path run() throws IOException {
        Path runDir = options.runDir();
        Files.createDirectories(runDir);
        Checkpoints checkpoints = new Checkpoints(runDir, 2);
        if (!options.resume() && checkpoints.last().isPresent()) {
            throw new IllegalArgumentException(
                    "run directory " + runDir + " already has checkpoints: pass --resume, or choose another --out");
        }
        CocoDataset train = CocoDataset.loadSplit(options.dataDir(), "train");
        report("train", train);
        CocoDataset val = hasSplit("val") ? CocoDataset.loadSplit(options.dataDir(), "val") : null;
        if (val != null) {
            report("val", val);
        }
        DsrcnnConfig config = options.config();
        if (config.head().numClasses() != train.numClasses()) {
            messages.accept("config has " + config.head().numClasses() + " classes, the dataset "
                    + train.numClasses() + ": using the dataset's");
            config = Presets.with(config, "head.numClasses", String.valueOf(train.numClasses()));
        }
        List<String> classNames = train.classNames();
        DsrcnnConfig.Solver solver = config.solver();

        try (NDManager manager = NDManager.newBaseManager();
                NDManager stateManager = manager.newSubManager()) {
            SparseRcnn model;
            RunState state;
            AdamW optimizer = new AdamW(solver, stateManager);
            Optional<Checkpoints.Loaded> loaded = options.resume() ? checkpoints.loadLast(manager) : Optional.empty();
            if (loaded.isPresent()) {
                Checkpoints.Loaded ck = loaded.get();
                model = ck.model().model();
                // the architecture is the checkpoint's; the solver is the one asked for now, so a
                // later sitting can extend maxIters
                DsrcnnConfig saved = model.config();
                config = new DsrcnnConfig(saved.name(), saved.backbone(), saved.proposals(), saved.head(),
                        saved.input(), saved.matcher(), saved.loss(), saved.inference(), solver);
                state = ck.state();
                optimizer.load(ck.optimizer(), state.optimizerSteps());
                ck.optimizer().values().forEach(NDArray::close);
                messages.accept("resumed from " + ck.dir() + " at iteration " + state.iteration());
            } else {
                Engine.getInstance().setRandomSeed((int) solver.seed());
                model = new SparseRcnn(config);
                model.initialize(manager);
                if (options.initWeights() != null) {
                    ModelFiles.loadWeightsInto(model, options.initWeights(), manager, options.reinit());
                    messages.accept("initialised from " + options.initWeights()
                            + (options.reinit().isEmpty() ? "" : ", re-initialised " + options.reinit()));
                }
                state = new RunState(0, 0, 0, 0, solver.seed());
                Presets.write(config, runDir.resolve("config.json"));
            }

            LrSchedule lrSchedule = new LrSchedule(solver);
            TemperatureSchedule tauSchedule = new TemperatureSchedule(config.proposals(), solver.maxIters());
            SetCriterion criterion = new SetCriterion(config);
            ParameterStore ps = new ParameterStore(manager, false);
            TrainStep step = new TrainStep(model, criterion, optimizer, ps, solver.clipNorm());
            DataLoader loader = new DataLoader(train, config).onSkip(messages);

            long iter = state.iteration();
            long stepsDone = state.optimizerSteps();
            long imagesSeen = state.imagesSeen();
            double wallBefore = state.wallSeconds();
            long sittingStart = System.nanoTime();
            double emaRate = 0;
            int skippedInARow = 0;
            try (MetricsLog log = new MetricsLog(runDir.resolve("metrics.jsonl"));
                    DataLoader.BatchIterator batches = loader.iterator(iter)) {
                while (iter < solver.maxIters()) {
                    long t0 = System.nanoTime();
                    double lr = lrSchedule.lr(iter);
                    double tau = tauSchedule.tau(iter);
                    model.setTemperature(tau);
                    StepResult result;
                    int batchSize;
                    try (NDManager batchManager = manager.newSubManager();
                            Batch batch = batches.nextBatch(batchManager)) {
                        batchSize = batch.size();
                        result = step.run(batch, lr);
                    }
                    iter++;
                    imagesSeen += batchSize;
                    if (result.applied()) {
                        stepsDone++;
                        skippedInARow = 0;
                    } else {
                        messages.accept("iteration " + iter + ": step skipped: " + result.skipReason());
                        if (++skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
                            throw new IllegalStateException("training diverged: " + skippedInARow
                                    + " steps in a row were skipped (last: " + result.skipReason()
                                    + "); lower solver.lr or resume from an earlier checkpoint");
                        }
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double rate = batchSize / seconds;
                    emaRate = emaRate == 0 ? rate : 0.9 * emaRate + 0.1 * rate;
                    double wall = wallBefore + (System.nanoTime() - sittingStart) / 1e9;

                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("type", "train");
                    record.put("iter", iter);
                    record.putAll(result.losses());
                    record.put("lr", lr);
                    record.put("tau", tau);
                    record.put("grad_norm", result.gradNorm());
                    record.put("positives", result.positives());
                    if (result.meanKStar().length > 0) {
                        record.put("k_star", result.meanKStar());
                    }
                    result.dpg().forEach((name, value) -> record.put("dpg_" + name, value));
                    record.put("images_per_s", rate);
                    record.put("images_seen", imagesSeen);
                    record.put("wall_s", wall);
                    record.put("time", Instant.now().toString());
                    log.write(record);
                    progressListener.accept(new Progress(iter, solver.maxIters(), result, emaRate));

                    boolean last = iter == solver.maxIters();
                    if (iter % solver.checkpointPeriod() == 0 || last) {
                        RunState now = new RunState(iter, stepsDone, imagesSeen, wall, solver.seed());
                        Path ck = checkpoints.save(model, classNames, provenance(config, iter, imagesSeen, null),
                                optimizer, now);
                        messages.accept("checkpoint " + ck.getFileName());
                    }
                    if (val != null && (iter % solver.evalPeriod() == 0 || last)) {
                        CocoMetrics metrics = evaluate(model, classNames, manager, val, tau);
                        Map<String, Object> evalRecord = new LinkedHashMap<>();
                        evalRecord.put("type", "eval");
                        evalRecord.put("iter", iter);
                        evalRecord.putAll(metrics.asMap());
                        evalRecord.put("wall_s", wall);
                        log.write(evalRecord);
                        messages.accept(String.format(java.util.Locale.ROOT,
                                "eval at %d: AP %.3f AP50 %.3f", iter, metrics.get("AP"), metrics.get("AP50")));
                        if (last) {
                            Path finalModel = runDir.resolve("model");
                            ModelFiles.save(model, classNames, provenance(config, iter, imagesSeen, metrics), finalModel);
                        }
                    }
                }
            }
            Path finalModel = runDir.resolve("model");
            if (!Files.exists(finalModel.resolve("model.json"))) {
                ModelFiles.save(model, classNames, provenance(config, iter, imagesSeen, null), finalModel);
            }
            optimizer.close();
            return finalModel;
        }
    }

    private CocoMetrics evaluate(SparseRcnn model, List<String> classNames, NDManager manager, CocoDataset val,
            double trainTau) {
        try (Predictor predictor = Predictor.wrap(model, classNames, manager)) {
            return DatasetInference.evaluate(predictor, val, 8, options.evalImages(), null);
        } finally {
            model.setTemperature(trainTau);
        }
    }

    private Map<String, Object> provenance(DsrcnnConfig config, long iter, long imagesSeen, CocoMetrics metrics) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("data", options.dataDir().toAbsolutePath().normalize().toString());
        p.put("run", options.runDir().toAbsolutePath().normalize().toString());
        p.put("iterations", iter);
        p.put("images_seen", imagesSeen);
        p.put("seed", config.solver().seed());
        if (options.initWeights() != null) {
            p.put("initialised_from", options.initWeights().toAbsolutePath().normalize().toString());
            if (!options.reinit().isEmpty()) {
                p.put("reinitialised", options.reinit());
            }
        }
        p.put("matcher", config.matcher().type());
        p.put("dynamic_proposals", config.proposals().dynamic());
        if (metrics != null) {
            p.put("val", metrics.asMap());
        }
        p.put("saved", Instant.now().toString());
        return p;
    }

    private boolean hasSplit(String split) {
        return Files.isRegularFile(options.dataDir().resolve("annotations").resolve(split + ".json"));
    }

    private void report(String split, CocoDataset dataset) {
        var report = dataset.report();
        if (!report.isClean()) {
            messages.accept(split + ": " + report.summary());
        }
    }
}
