package org.dsrcnn.engine.train;

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
import org.dsrcnn.engine.data.Batch;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.DataLoader;
import org.dsrcnn.engine.errors.OneLineReason;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.infer.DatasetInference;
import org.dsrcnn.engine.infer.Predictor;
import org.dsrcnn.engine.loss.SetCriterion;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.io.ModelFiles;

/**
 * The iterations of one sitting of a run, from its start state to {@code solver.maxIters} or a stop
 * request: step, metrics record, status, periodic checkpoint and evaluation, stop check (once per
 * iteration, after the step, so a step is never cut in half).
 */
final class TrainingLoop {

    private static final int MAX_SKIPPED_IN_A_ROW = 20;

    private final RunDirectory dir;
    private final Checkpoints checkpoints;
    private final RunStatusWriter writer;
    private final StopRequest stop;
    private final SparseRcnn model;
    private final AdamW optimizer;
    private final NDManager manager;
    private final DsrcnnConfig config;
    private final DsrcnnConfig.Solver solver;
    private final List<String> classNames;
    private final CocoDataset train;
    private final CocoDataset val;
    private final int evalImages;
    private final RunProvenance provenance;
    private final Consumer<String> messages;
    private final Consumer<TrainingRun.Progress> progress;
    private final long startIter;
    private final double wallBefore;
    private final long sittingStart = System.nanoTime();
    private long iter;
    private long stepsDone;
    private long imagesSeen;
    /** the iteration of the newest checkpoint on disk for this run (-1: none). */
    private long savedIter = -1;
    private Path lastCheckpoint;
    private boolean finalSaved;

    TrainingLoop(RunDirectory dir, Checkpoints checkpoints, RunStatusWriter writer, StopRequest stop, SparseRcnn model,
            AdamW optimizer, NDManager manager, DsrcnnConfig config, List<String> classNames, CocoDataset train,
            CocoDataset val, RunState state, int evalImages, RunProvenance provenance, Consumer<String> messages,
            Consumer<TrainingRun.Progress> progress) {
        this.dir = dir;
        this.checkpoints = checkpoints;
        this.writer = writer;
        this.stop = stop;
        this.model = model;
        this.optimizer = optimizer;
        this.manager = manager;
        this.config = config;
        this.solver = config.solver();
        this.classNames = classNames;
        this.train = train;
        this.val = val;
        this.evalImages = evalImages;
        this.provenance = provenance;
        this.messages = messages;
        this.progress = progress;
        this.startIter = state.iteration();
        this.iter = state.iteration();
        this.stepsDone = state.optimizerSteps();
        this.imagesSeen = state.imagesSeen();
        this.wallBefore = state.wallSeconds();
        if (state.iteration() > 0) {
            savedIter = state.iteration(); // the checkpoint this sitting resumed from
        }
    }

    TrainingRun.Result run() throws IOException {
        LrSchedule lrSchedule = new LrSchedule(solver);
        TemperatureSchedule tauSchedule = new TemperatureSchedule(config.proposals(), solver.maxIters());
        SetCriterion criterion = new SetCriterion(config);
        ParameterStore ps = new ParameterStore(manager, false);
        TrainStep step = new TrainStep(model, criterion, optimizer, ps, solver.clipNorm());
        DataLoader loader = new DataLoader(train, config).onSkip(messages);
        EtaEstimator eta = new EtaEstimator();
        int skippedInARow = 0;
        writer.running(iter, solver.maxIters(), null, null, null);
        try (MetricsLog log = new MetricsLog(dir.resolve(RunDirectory.METRICS));
                DataLoader.BatchIterator batches = loader.iterator(iter)) {
            while (iter < solver.maxIters()) {
                long t0 = System.nanoTime();
                double lr = lrSchedule.lr(iter);
                double tau = tauSchedule.tau(iter);
                model.setTemperature(tau);
                StepResult result;
                int batchSize;
                try (NDManager batchManager = manager.newSubManager()) {
                    Batch batch;
                    try {
                        batch = batches.nextBatch(batchManager);
                    } catch (RuntimeException e) {
                        throw dataFailure(e);
                    }
                    try (batch) {
                        batchSize = batch.size();
                        result = step.run(batch, lr);
                    }
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
                eta.add(seconds);
                double etaSeconds = eta.etaSeconds(solver.maxIters() - iter);
                log.write(trainRecord(result, lr, tau, rate, etaSeconds));
                writer.running(iter, solver.maxIters(), finite(etaSeconds), rate, null);
                progress.accept(new TrainingRun.Progress(iter, solver.maxIters(), result, rate, etaSeconds));

                boolean last = iter == solver.maxIters();
                if (iter % solver.checkpointPeriod() == 0 || last) {
                    checkpoint();
                }
                if (val != null && (iter % solver.evalPeriod() == 0 || last)) {
                    evaluate(log, tau, last);
                }
                Optional<String> why = last ? Optional.empty() : stop.poll();
                if (why.isPresent()) {
                    return stopped(why.get());
                }
            }
        }
        Path finalModel = dir.resolve(RunDirectory.MODEL);
        if (!finalSaved) {
            if (iter == startIter && Files.isRegularFile(finalModel.resolve(ModelFiles.MODEL_JSON))) {
                messages.accept("the run had already finished at iteration " + iter + ": " + finalModel);
            } else {
                ModelFiles.save(model, classNames, provenance.at(iter, imagesSeen, null), finalModel);
            }
        }
        stop.consume(); // a STOP that came too late to matter must not stop the next sitting
        writer.end(RunStatus.FINISHED, iter, "finished at iteration " + iter);
        return new TrainingRun.Result(RunStatus.FINISHED, iter, finalModel, lastCheckpoint);
    }

    /** Ends the sitting on a stop request: a checkpoint at this iteration, then "stopped". */
    private TrainingRun.Result stopped(String why) throws IOException {
        if (savedIter != iter) {
            checkpoint();
        }
        stop.consume();
        String message = why + " at iteration " + iter + "; continue with --resume";
        writer.end(RunStatus.STOPPED, iter, message);
        messages.accept(message);
        return new TrainingRun.Result(RunStatus.STOPPED, iter, null, lastCheckpoint);
    }

    private Map<String, Object> trainRecord(StepResult result, double lr, double tau, double rate, double etaSeconds) {
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
        record.put("eta_s", finite(etaSeconds));
        record.put("wall_s", wall());
        record.put("time", Instant.now().toString());
        return record;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private double wall() {
        return wallBefore + (System.nanoTime() - sittingStart) / 1e9;
    }

    private void checkpoint() throws IOException {
        RunState now = new RunState(iter, stepsDone, imagesSeen, wall(), solver.seed());
        lastCheckpoint = checkpoints.save(model, classNames, provenance.at(iter, imagesSeen, null), optimizer, now,
                messages);
        savedIter = iter;
        writer.checkpoint(lastCheckpoint.getFileName().toString());
        messages.accept("checkpoint " + lastCheckpoint.getFileName());
    }

    private void evaluate(MetricsLog log, double tau, boolean last) throws IOException {
        CocoMetrics metrics;
        try (Predictor predictor = Predictor.wrap(model, classNames, manager)) {
            metrics = DatasetInference.evaluate(predictor, val, 8, evalImages, null);
        } catch (IllegalArgumentException e) {
            // an unreadable val split costs the evaluation, not the training
            messages.accept("eval at " + iter + " skipped: " + OneLineReason.of(e));
            return;
        } finally {
            model.setTemperature(tau);
        }
        Map<String, Object> evalRecord = new LinkedHashMap<>();
        evalRecord.put("type", "eval");
        evalRecord.put("iter", iter);
        evalRecord.putAll(metrics.asMap());
        evalRecord.put("wall_s", wall());
        log.write(evalRecord);
        messages.accept(String.format(java.util.Locale.ROOT,
                "eval at %d: AP %.3f AP50 %.3f", iter, metrics.get("AP"), metrics.get("AP50")));
        if (last) {
            ModelFiles.save(model, classNames, provenance.at(iter, imagesSeen, metrics), dir.resolve(RunDirectory.MODEL));
            finalSaved = true;
        }
    }

    /**
     * The data loader failed before the step touched the model, so the model is consistent: save
     * the iterations done since the last checkpoint, then end the run with the loader's reason.
     */
    private RuntimeException dataFailure(RuntimeException e) {
        String reason = "the data loader failed at iteration " + (iter + 1) + ": " + OneLineReason.of(e);
        if (iter > 0 && savedIter != iter) {
            try {
                checkpoint();
                reason += " (checkpoint " + Checkpoints.name(iter) + " written)";
            } catch (IOException | RuntimeException ce) {
                reason += " (and the checkpoint at " + iter + " failed: " + OneLineReason.of(ce) + ")";
            }
        }
        return new IllegalStateException(reason, e);
    }
}
