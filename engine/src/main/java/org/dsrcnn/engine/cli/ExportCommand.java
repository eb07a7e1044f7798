package org.dsrcnn.engine.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.infer.DatasetInference;
import org.dsrcnn.engine.infer.Predictor;
import org.dsrcnn.engine.model.io.LoadedModel;
import org.dsrcnn.engine.model.io.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dsrcnn export}: copies a model directory (a run's {@code model/} or a checkpoint's) to a
 * shippable one, optionally with float16 weights, evaluated on a held-out split whose numbers go
 * into the provenance.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a model directory for shipping: --half for float16 weights, --set for test-time "
                + "settings, --eval DIR to record the COCO numbers of DIR's val split in its provenance.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M", description = "source model directory")
    Path model;

    @Option(names = "--force", description = "replace what --out already holds")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "target model directory")
    Path out;

    @Option(names = "--half", description = "store weights as float16 (half the size)")
    boolean half;

    @Option(names = "--eval", paramLabel = "DIR", description = "dataset directory whose split is evaluated")
    Path evalData;

    @Option(names = "--split", defaultValue = "val", description = "split of --eval (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--note", description = "extra provenance, key=value (repeatable)")
    List<String> notes = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "change a test-time setting of the exported model: input.testShortSide, "
                    + "input.testMaxSize or inference.* (repeatable)")
    List<String> settings = new ArrayList<>();

    /** What {@code --set} may change: test-time settings, never what the weights were trained as. */
    static boolean testTimeSetting(String key) {
        return key.equals("input.testShortSide") || key.equals("input.testMaxSize") || key.startsWith("inference.");
    }

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && Files.isSameFile(out, model)) {
            throw new IllegalArgumentException("--out must differ from --model");
        }
        OutputPaths.requireReplaceable("--out", out, force);
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedModel loaded = ModelFiles.load(model, manager);
            Map<String, Object> provenance = new LinkedHashMap<>(loaded.provenance());
            provenance.put("exported_from", model.toAbsolutePath().normalize().toString());
            provenance.put("weights_dtype", half ? "float16" : "float32");
            for (String n : notes) {
                KeyValue note = KeyValue.parse("--note", n);
                provenance.put(note.key(), note.value());
            }
            DsrcnnConfig config = loaded.model().config();
            for (String s : settings) {
                KeyValue setting = KeyValue.parse("--set", s);
                if (!testTimeSetting(setting.key())) {
                    throw new IllegalArgumentException("--set changes only input.testShortSide, input.testMaxSize"
                            + " and inference.*, not " + setting.key());
                }
                config = Presets.with(config, setting.key(), setting.value());
            }
            if (!settings.isEmpty()) {
                provenance.put("export_settings", List.copyOf(settings));
            }
            ModelFiles.save(loaded.model(), config, loaded.classNames(), provenance, out, half);
        }
        if (evalData != null) {
            // evaluate what was written (float16 rounding included), then record it
            CocoDataset dataset = CocoDataset.loadSplit(evalData, split);
            CocoMetrics metrics;
            try (Predictor predictor = Predictor.open(out)) {
                metrics = DatasetInference.evaluate(predictor, dataset, 8, 0, null);
            }
            metrics.summaryLines().forEach(System.out::println);
            try (NDManager manager = NDManager.newBaseManager()) {
                LoadedModel written = ModelFiles.load(out, manager);
                Map<String, Object> provenance = new LinkedHashMap<>(written.provenance());
                Map<String, Object> eval = new LinkedHashMap<>();
                eval.put("data", evalData.toAbsolutePath().normalize().toString());
                eval.put("split", split);
                eval.put("images", dataset.size());
                eval.putAll(metrics.asMap());
                provenance.put("heldout_eval", eval);
                ModelFiles.save(written.model(), written.classNames(), provenance, out, half);
            }
            System.err.printf(Locale.ROOT, "export: AP %.3f AP50 %.3f on %d images%n", metrics.get("AP"),
                    metrics.get("AP50"), dataset.size());
        }
        System.out.println("model: " + out);
        return 0;
    }
}
