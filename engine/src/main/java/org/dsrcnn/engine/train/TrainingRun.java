package org.dsrcnn.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.errors.OneLineReason;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.io.ModelFiles;
import org.dsrcnn.engine.model.proposals.ExpertRespread;

/**
 * One training run: {@code RUN/config.json}, {@code RUN/metrics.jsonl} (one line per iteration, an
 * {@code "eval"} line every {@code solver.evalPeriod}), checkpoints every
 * {@code solver.checkpointPeriod} (see {@link Checkpoints}), {@code RUN/status.json} (see
 * {@link RunStatus}) and the final model in {@code RUN/model/}; the layout is {@link RunDirectory}'s.
 *
 * <p>A run killed at any moment and started again with {@code resume} continues from its newest
 * checkpoint with the same optimizer state, schedule position and data order. A run asked to stop
 * ({@code RUN/STOP}, or {@link #requestStop}) finishes its step, writes a checkpoint at that
 * iteration and ends "stopped". Only one trainer at a time uses a run directory ({@link RunLock}).
 * A new run never starts over an earlier one unless {@code force} moves that one aside.
 */
public final class TrainingRun {

    /** What to train and where. */
    public record Options(
            /** the config of a new run; on resume only its name is checked (null: the saved one). */
            DsrcnnConfig config,
            /** the dataset (null on resume: the one the run recorded). */
            Path dataDir,
            Path runDir,
            boolean resume,
            /** val images evaluated at each evaluation (0 = the whole split; null = the run's, else 0). */
            Integer evalImages,
            /** a model directory whose weights initialise a new run (null = random init). */
            Path initWeights,
            /**
             * with {@code initWeights}: parameter-name prefixes (e.g. {@code proposals.weight_net})
             * that keep their fresh initialisation instead of the loaded values.
             */
            List<String> reinit,
            /**
             * with {@code initWeights}: restart every DPG expert as a copy of the loaded model's
             * proposal, jittered by this much ({@link ExpertRespread}); null = keep the loaded experts.
             */
            Double respreadExperts,
            /**
             * the settings given explicitly for this sitting (dotted key to value, {@code --set} and
             * {@code --iters}): on resume each one is applied to the saved config, or refused.
             */
            Map<String, String> overrides,
            /** start a new run even where one exists (the old one is moved to {@code RUN/replaced-<time>/}). */
            boolean force) {

        public Options {
            reinit = reinit == null ? List.of() : List.copyOf(reinit);
            overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
            if (!reinit.isEmpty() && initWeights == null) {
                throw new IllegalArgumentException("--reinit needs --init M (there is nothing to keep the rest from)");
            }
            if (respreadExperts != null && initWeights == null) {
                throw new IllegalArgumentException("--respread-experts needs --init M (the experts are copies of its proposals)");
            }
            if (!resume && (config == null || dataDir == null)) {
                throw new IllegalArgumentException("a new run needs a config and a data directory (--config, --data)");
            }
        }

        /** Options for a run from random weights. */
        public Options(DsrcnnConfig config, Path dataDir, Path runDir, boolean resume, int evalImages) {
            this(config, dataDir, runDir, resume, evalImages, null, List.of(), null, Map.of(), false);
        }

        /** Options for a run that may start from a model's weights. */
        public Options(DsrcnnConfig config, Path dataDir, Path runDir, boolean resume, int evalImages,
                Path initWeights, List<String> reinit) {
            this(config, dataDir, runDir, resume, evalImages, initWeights, reinit, null, Map.of(), false);
        }
    }

    /** Progress callback payload, once per iteration. */
    public record Progress(long iteration, long maxIters, StepResult step, double imagesPerSecond, double etaSeconds) {}

    /**
     * How a sitting ended.
     *
     * @param state {@link RunStatus#FINISHED} or {@link RunStatus#STOPPED} (failures throw)
     * @param iteration the last completed iteration
     * @param model the final model directory (null when stopped)
     * @param checkpoint the newest checkpoint (null if none)
     */
    public record Result(String state, long iteration, Path model, Path checkpoint) {}

    private final Options options;
    private final StopRequest stop;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile RunStatusWriter status;
    private volatile Result result;
    private Consumer<Progress> progressListener = p -> {};
    private Consumer<String> messages = System.err::println;

    public TrainingRun(Options options) {
        this.options = options;
        this.stop = new StopRequest(options.runDir());
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

    /** Asks the run to stop after its current step, as {@code RUN/STOP} does (any thread). */
    public void requestStop(String why) {
        stop.request(why);
    }

    /**
     * Waits until {@link #run()} has returned or thrown.
     *
     * @return the result when the run ended within the timeout by finishing or stopping; empty when
     *     it failed or is still going
     */
    public Optional<Result> awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit) ? Optional.ofNullable(result) : Optional.empty();
    }

    /** Marks this sitting failed in {@code status.json} unless it already ended (for a shutdown hook that gave up). */
    public void markFailed(String why) {
        RunStatusWriter writer = status;
        if (writer != null) {
            writer.end(RunStatus.FAILED, writer.iter(), why);
        }
    }

    /**
     * Trains to {@code solver.maxIters}, or until asked to stop.
     *
     * @throws IllegalArgumentException or IllegalStateException with a one-line reason for a run that
     *     cannot start or fails; {@code status.json} then says "failed" with the same reason
     */
    public Result run() throws IOException {
        try {
            RunDirectory dir = new RunDirectory(options.runDir());
            dir.create();
            try (RunLock lock = RunLock.acquire(dir.path());
                    NDManager manager = NDManager.newBaseManager();
                    NDManager stateManager = manager.newSubManager()) {
                Checkpoints checkpoints = new Checkpoints(dir.path(), 2);
                preflight(dir, checkpoints);
                // bad arguments and unreadable inputs end here, before status.json is touched: a
                // mistyped resume must not mark a stopped or finished run as failed
                Sitting sitting = prepare(dir, checkpoints, manager, stateManager);
                try (RunStatusWriter writer = new RunStatusWriter(dir.path(), sitting.state().iteration(),
                        sitting.config().solver().maxIters(), messages)) {
                    status = writer;
                    try {
                        result = train(dir, checkpoints, writer, sitting, manager);
                        return result;
                    } catch (Throwable t) {
                        writer.end(RunStatus.FAILED, writer.iter(), OneLineReason.of(t));
                        throw t;
                    } finally {
                        sitting.optimizer().close();
                    }
                }
            }
        } finally {
            ended.countDown();
        }
    }

    /** Refuses what would destroy an earlier run; with {@code force}, moves it aside. */
    private void preflight(RunDirectory dir, Checkpoints checkpoints) throws IOException {
        String previous = dir.previousRun(checkpoints);
        if (options.resume() || previous.isEmpty()) {
            return;
        }
        if (!options.force()) {
            throw new IllegalArgumentException("run directory " + dir.path() + " already holds a run (" + previous
                    + "): pass --resume to continue it, --force to start over (the old run is moved aside, not "
                    + "deleted), or choose another --out");
        }
        Path aside = dir.moveAside();
        messages.accept("--force: the previous run (" + previous + ") was moved to " + aside);
    }

    /** Everything a sitting trains with, resolved and checked before it starts. */
    /** @param inherited what the resumed checkpoint's provenance says about how the run started (else empty) */
    private record Sitting(DsrcnnConfig config, Path dataDir, CocoDataset train, CocoDataset val, SparseRcnn model,
            AdamW optimizer, RunState state, Path resumedFrom, Map<String, Object> inherited) {}

    private Sitting prepare(RunDirectory dir, Checkpoints checkpoints, NDManager manager, NDManager stateManager)
            throws IOException {
        Optional<Checkpoints.Loaded> loaded =
                options.resume() ? checkpoints.loadNewest(manager, messages) : Optional.empty();
        if (options.resume() && loaded.isEmpty() && checkpoints.any()) {
            messages.accept("no checkpoint in " + checkpoints.dir() + " loads: starting at iteration 0");
        }
        DsrcnnConfig config = sittingConfig(dir, loaded);
        Path dataDir = dataDir(dir, loaded);
        CocoDataset train = CocoDataset.loadSplit(dataDir, "train");
        report("train", train);
        if (train.size() == 0) {
            throw new IllegalArgumentException("the train split of " + dataDir + " has no usable images"
                    + (train.report().isClean() ? "" : " (" + train.report().summary() + ")"));
        }
        CocoDataset val = hasSplit(dataDir, "val") ? CocoDataset.loadSplit(dataDir, "val") : null;
        if (val != null) {
            report("val", val);
            if (val.size() == 0) {
                messages.accept("val: no usable images: the run is not evaluated");
                val = null;
            }
        }
        if (config.head().numClasses() != train.numClasses()) {
            if (loaded.isPresent()) {
                throw new IllegalArgumentException("the dataset " + dataDir + " has " + train.numClasses()
                        + " classes but the run's model has " + config.head().numClasses());
            }
            messages.accept("config has " + config.head().numClasses() + " classes, the dataset "
                    + train.numClasses() + ": using the dataset's");
            config = Presets.with(config, "head.numClasses", String.valueOf(train.numClasses()));
        }
        DsrcnnConfig.Solver solver = config.solver();
        if (loaded.isPresent()) {
            Checkpoints.Loaded ck = loaded.get();
            RunState state = ck.state();
            if (state.iteration() > solver.maxIters()) {
                throw new IllegalArgumentException("the run is at iteration " + state.iteration()
                        + "; solver.maxIters " + solver.maxIters() + " would end before it (give a larger --iters)");
            }
            AdamW optimizer = new AdamW(solver, stateManager);
            optimizer.load(ck.optimizer(), state.optimizerSteps());
            ck.optimizer().values().forEach(NDArray::close);
            messages.accept("resumed from " + ck.dir() + " at iteration " + state.iteration());
            return new Sitting(config, dataDir, train, val, ck.model().model(), optimizer, state, ck.dir(),
                    RunProvenance.startOf(ck.model().provenance()));
        }
        Engine.getInstance().setRandomSeed((int) solver.seed());
        SparseRcnn model = new SparseRcnn(config);
        model.initialize(manager);
        if (options.initWeights() != null) {
            ModelFiles.loadWeightsInto(model, options.initWeights(), manager, options.reinit());
            messages.accept("initialised from " + options.initWeights()
                    + (options.reinit().isEmpty() ? "" : ", re-initialised " + options.reinit()));
            if (options.respreadExperts() != null) {
                ExpertRespread.apply(model, options.initWeights(), options.respreadExperts(), manager);
                messages.accept("DPG experts restarted as copies of its proposals, jitter " + options.respreadExperts());
            }
        }
        return new Sitting(config, dataDir, train, val, model, new AdamW(solver, stateManager),
                new RunState(0, 0, 0, 0, solver.seed()), null, Map.of());
    }

    private Result train(RunDirectory dir, Checkpoints checkpoints, RunStatusWriter writer, Sitting s,
            NDManager manager) throws IOException {
        if (s.resumedFrom() != null) {
            writer.checkpoint(s.resumedFrom().getFileName().toString());
        }
        writeConfig(dir, s.config(), s.dataDir());
        RunProvenance provenance = new RunProvenance(s.dataDir(), options.runDir(), options.initWeights(),
                options.reinit(), options.respreadExperts(), s.inherited(), s.config());
        List<String> classNames = s.train().classNames();
        TrainingLoop loop = new TrainingLoop(dir, checkpoints, writer, stop, s.model(), s.optimizer(), manager,
                s.config(), classNames, s.train(), s.val(), s.state(), evalImages(dir), provenance, messages,
                progressListener);
        return loop.run();
    }

    /** The config this sitting trains with: the new run's, or on resume the saved one with this sitting's changes. */
    private DsrcnnConfig sittingConfig(RunDirectory dir, Optional<Checkpoints.Loaded> loaded) {
        if (!options.resume()) {
            return options.config();
        }
        Path savedFile = dir.resolve(RunDirectory.CONFIG);
        DsrcnnConfig saved;
        if (Files.isRegularFile(savedFile)) {
            saved = Presets.read(savedFile);
        } else if (loaded.isPresent()) {
            saved = loaded.get().model().model().config();
        } else if (options.config() != null) {
            messages.accept("nothing to resume in " + dir.path() + " yet: starting a new run");
            return options.config();
        } else {
            throw new IllegalArgumentException("nothing to resume in " + dir.path()
                    + ": no checkpoint and no config.json; start the run with --config C --data DIR");
        }
        String requested = options.config() == null ? null : options.config().name();
        DsrcnnConfig merged = ResumeConfig.merge(saved, requested, options.overrides(), messages);
        if (loaded.isEmpty()) {
            messages.accept("no checkpoint in " + dir.path() + " yet: starting at iteration 0 with its saved config");
            return merged;
        }
        // the architecture and everything it was trained as are the checkpoint's; the schedule is this sitting's
        DsrcnnConfig own = loaded.get().model().model().config();
        return new DsrcnnConfig(own.name(), own.backbone(), own.proposals(), own.head(), own.input(), own.matcher(),
                own.loss(), own.inference(), merged.solver());
    }

    private Path dataDir(RunDirectory dir, Optional<Checkpoints.Loaded> loaded) {
        Optional<Path> recorded = dir.recordedDataDir();
        if (recorded.isEmpty() && loaded.isPresent() && loaded.get().model().provenance().get("data") instanceof String d) {
            recorded = Optional.of(Path.of(d)); // runs started before run.json existed
        }
        if (options.dataDir() != null) {
            if (options.resume() && recorded.isPresent()
                    && !recorded.get().equals(options.dataDir().toAbsolutePath().normalize())) {
                messages.accept("resume: data " + options.dataDir() + " (the run was started on " + recorded.get() + ")");
            }
            return options.dataDir();
        }
        return recorded.orElseThrow(() -> new IllegalArgumentException("give --data DIR: " + dir.path()
                + " does not record the data directory it was trained on"));
    }

    private void writeConfig(RunDirectory dir, DsrcnnConfig config, Path dataDir) throws IOException {
        Path file = dir.resolve(RunDirectory.CONFIG);
        String json = Presets.toJson(config);
        if (!Files.isRegularFile(file) || !Presets.toJson(Presets.read(file)).equals(json)) {
            Path tmp = dir.resolve(RunDirectory.CONFIG + ".tmp");
            Presets.write(config, tmp);
            org.dsrcnn.engine.model.io.AtomicFiles.move(tmp, file);
        }
        dir.writeRunInfo(dataDir, evalImages(dir));
    }

    private int evalImages(RunDirectory dir) {
        if (options.evalImages() != null) {
            return options.evalImages();
        }
        return dir.recordedEvalImages().orElse(0);
    }

    private static boolean hasSplit(Path dataDir, String split) {
        return Files.isRegularFile(dataDir.resolve("annotations").resolve(split + ".json"));
    }

    private void report(String split, CocoDataset dataset) {
        var report = dataset.report();
        if (!report.isClean()) {
            messages.accept(split + ": " + report.summary());
        }
    }
}
