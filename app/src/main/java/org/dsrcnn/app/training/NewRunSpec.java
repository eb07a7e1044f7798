package org.dsrcnn.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the New run form asks for, validated field by field and turned into {@code dsrcnn train}
 * arguments. Fields the form does not ask for keep the preset's values; the schedule follows the
 * preset's shape at the chosen length: learning-rate steps at 75 % and 92 % of the iterations (the
 * {@code small} preset's 4500 / 5500 of 6000), warm-up of 200 iterations or a tenth of the run,
 * checkpoints at every evaluation or every 200 iterations, whichever comes first.
 *
 * @param name the run's directory name under the runs folder
 * @param dataset a COCO folder ({@code train/}, {@code annotations/train.json}; {@code val/} for evaluations)
 * @param preset a preset name (small, paper, paper-baseline)
 * @param matcher Hungarian (one-to-one), OTA with a fixed k, or OTA with dynamic k
 * @param k the fixed k (OTA fixed)
 * @param q the dynamic-k q (OTA dynamic): k = sum of the q largest IoUs
 * @param unitIncreasing the paper's Eq. 2 (k grows over the stages)
 * @param dpg dynamic proposal generation on
 * @param iterations training iterations
 * @param batchSize images per iteration
 * @param learningRate AdamW learning rate
 * @param imageSize training and test shorter side in pixels
 * @param evalInterval iterations between evaluations on the val split (0: none but the last)
 * @param evalImages val images per evaluation (0: all)
 */
public record NewRunSpec(
        String name,
        Path dataset,
        String preset,
        Matcher matcher,
        int k,
        int q,
        boolean unitIncreasing,
        boolean dpg,
        int iterations,
        int batchSize,
        double learningRate,
        int imageSize,
        int evalInterval,
        int evalImages) {

    /** The label assignment of the run. */
    public enum Matcher {
        HUNGARIAN("Hungarian (one-to-one)"),
        OTA_FIXED("OTA, fixed k"),
        OTA_DYNAMIC("OTA, dynamic k");

        private final String label;

        Matcher(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final List<String> PRESETS = List.of("small", "paper", "paper-baseline");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The field names {@link #validate} reports under. */
    public static final String NAME_FIELD = "name";
    public static final String DATASET_FIELD = "dataset";
    public static final String PRESET_FIELD = "preset";
    public static final String K_FIELD = "k";
    public static final String Q_FIELD = "q";
    public static final String ITERATIONS_FIELD = "iterations";
    public static final String BATCH_FIELD = "batch";
    public static final String LR_FIELD = "lr";
    public static final String SIZE_FIELD = "size";
    public static final String EVAL_FIELD = "eval";

    /**
     * The problems, by field (empty when the spec can be launched).
     *
     * @param runsFolder where the run directory will be made
     */
    public Map<String, String> validate(Path runsFolder) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.put(NAME_FIELD, "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        } else if (runsFolder != null && Files.exists(runsFolder.resolve(name))) {
            errors.put(NAME_FIELD, "a run named " + name + " exists already in " + runsFolder);
        }
        if (dataset == null) {
            errors.put(DATASET_FIELD, "choose a COCO folder, or generate shapes");
        } else if (!Files.isDirectory(dataset)) {
            errors.put(DATASET_FIELD, dataset + " is not a folder");
        } else if (!Files.isRegularFile(dataset.resolve("annotations").resolve("train.json"))
                || !Files.isDirectory(dataset.resolve("train"))) {
            errors.put(DATASET_FIELD, "not a COCO folder: needs train/ and annotations/train.json");
        } else if (evalInterval > 0 && !Files.isRegularFile(dataset.resolve("annotations").resolve("val.json"))) {
            errors.put(EVAL_FIELD, "the dataset has no annotations/val.json to evaluate on; set 0 for none");
        }
        if (preset == null || !PRESETS.contains(preset)) {
            errors.put(PRESET_FIELD, "one of " + PRESETS);
        }
        if (matcher == Matcher.OTA_FIXED && (k < 1 || k > 100)) {
            errors.put(K_FIELD, "k must be 1..100, got " + k);
        }
        if (matcher == Matcher.OTA_DYNAMIC && (q < 1 || q > 100)) {
            errors.put(Q_FIELD, "q must be 1..100, got " + q);
        }
        if (iterations < 1 || iterations > 10_000_000) {
            errors.put(ITERATIONS_FIELD, "1..10,000,000 iterations, got " + iterations);
        }
        if (batchSize < 1 || batchSize > 256) {
            errors.put(BATCH_FIELD, "1..256 images, got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            errors.put(LR_FIELD, "a learning rate in (0, 1], got " + learningRate);
        }
        if (imageSize < 32 || imageSize > 2048 || imageSize % 32 != 0) {
            errors.put(SIZE_FIELD, "32..2048 pixels, a multiple of 32, got " + imageSize);
        }
        if (evalInterval < 0) {
            errors.put(EVAL_FIELD, "0 (only at the end) or more iterations, got " + evalInterval);
        }
        return errors;
    }

    /** The {@code dsrcnn} arguments of this run in {@code runsFolder}. */
    public List<String> trainArgs(Path runsFolder) {
        List<String> a = new ArrayList<>(List.of("train", "--config", preset, "--data", dataset.toString(),
                "--out", runsFolder.resolve(name).toString(), "--iters", Integer.toString(iterations), "--no-progress"));
        if (evalImages > 0) {
            a.add("--eval-images");
            a.add(Integer.toString(evalImages));
        }
        int every = evalInterval > 0 ? evalInterval : iterations;
        set(a, "solver.batchSize", batchSize);
        set(a, "solver.lr", String.format(Locale.ROOT, "%s", learningRate));
        set(a, "solver.warmupIters", Math.min(200, Math.max(1, iterations / 10)));
        set(a, "solver.steps", "[" + Math.max(1, Math.round(iterations * 0.75)) + ","
                + Math.max(1, Math.round(iterations * 0.92)) + "]");
        set(a, "solver.evalPeriod", every);
        set(a, "solver.checkpointPeriod", Math.min(200, every));
        set(a, "input.trainShortSides", "[" + imageSize + "]");
        set(a, "input.trainMaxSize", imageSize * 3 / 2);
        set(a, "input.testShortSide", imageSize);
        set(a, "input.testMaxSize", imageSize * 3 / 2);
        set(a, "proposals.dynamic", dpg);
        switch (matcher) {
            case HUNGARIAN -> {
                set(a, "matcher.type", "hungarian");
                set(a, "inference.nms", false); // one-to-one matching needs no NMS (Sparse R-CNN)
            }
            case OTA_FIXED -> {
                set(a, "matcher.type", "ota");
                set(a, "matcher.k", k);
            }
            case OTA_DYNAMIC -> {
                set(a, "matcher.type", "ota");
                set(a, "matcher.k", "dynamic");
                set(a, "matcher.q", q);
            }
        }
        if (matcher != Matcher.HUNGARIAN) {
            set(a, "matcher.unitIncreasing", unitIncreasing);
        }
        return a;
    }

    private static void set(List<String> args, String key, Object value) {
        args.add("--set");
        args.add(key + "=" + value);
    }
}
