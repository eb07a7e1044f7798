package org.dsrcnn.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.diagnostics.DpgStatistics;
import org.dsrcnn.engine.infer.DatasetInference;
import org.dsrcnn.engine.infer.Predictor;
import org.dsrcnn.engine.model.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dsrcnn dpg-stats}: how image-dependent a DPG model's expert mix is over a dataset split
 * (definitions in {@link DpgStatistics}).
 */
@Command(name = "dpg-stats", mixinStandardHelpOptions = true,
        description = {"How much a DPG model's expert weights and stage-0 boxes depend on the image, over a split.",
            "  dsrcnn dpg-stats --model M --data DIR [--split val] [--max-images N] [--json FILE]"})
public final class DpgStatsCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M", description = "model directory")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset directory (COCO layout)")
    Path data;

    @Option(names = "--split", defaultValue = "val", description = "split of --data (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--max-images", defaultValue = "0", description = "only the first N images (0 = all)")
    int maxImages;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the statistics as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (maxImages < 0) {
            throw new IllegalArgumentException("--max-images must be >= 0, got " + maxImages);
        }
        if (json != null) {
            OutputPaths.requireFile("--json", json);
        }
        CocoDataset dataset = CocoDataset.loadSplit(data, split);
        List<DpgStatistics.ImageMix> mixes = new ArrayList<>();
        DatasetInference.Traced traced;
        try (Predictor predictor = Predictor.open(model)) {
            if (!predictor.config().proposals().dynamic()) {
                throw new IllegalArgumentException(model + " has static proposals (proposals.dynamic=false): no DPG mix");
            }
            traced = DatasetInference.forEachTrace(predictor, dataset, 8, maxImages, (info, trace) ->
                    mixes.add(new DpgStatistics.ImageMix(trace.experts().weights(), trace.stages().get(0).boxes(),
                            trace.imageWidth(), trace.imageHeight())), null);
        }
        if (mixes.isEmpty()) {
            throw new IllegalArgumentException("no readable image in " + data + " split " + split
                    + (traced.skipped().isEmpty() ? "" : " (first: " + traced.skipped().get(0) + ")"));
        }
        traced.skipped().forEach(line -> spec.commandLine().getErr().println("dpg-stats: skipped " + line));
        DpgStatistics s = DpgStatistics.of(mixes);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "images %d, proposals %d, experts %d%n", s.images(), s.proposals(), s.experts());
        out.printf(Locale.ROOT, "entropy        %.4f nats (uniform %.4f, one-hot 0)%n", s.entropy(), Math.log(s.experts()));
        out.printf(Locale.ROOT, "max weight     %.4f%n", s.maxWeight());
        out.printf(Locale.ROOT, "pairwise TV    %.4f (0 = the same mix on every image)%n", s.pairwiseTv());
        out.printf(Locale.ROOT, "weight std     %.4f%n", s.weightStd());
        out.printf(Locale.ROOT, "argmax change  %.4f%n", s.argmaxChange());
        StringBuilder mix = new StringBuilder();
        for (int e = 0; e < s.experts(); e++) {
            mix.append(String.format(Locale.ROOT, " %.3f+-%.3f", s.imageMix()[e], s.imageMixStd()[e]));
        }
        out.println("image mix     " + mix);
        out.printf(Locale.ROOT, "box spread     %.2f px%n", s.boxSpreadPx());
        out.flush();
        if (json != null) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("model", model.toAbsolutePath().normalize().toString());
            record.put("data", data.toAbsolutePath().normalize().toString());
            record.put("split", split);
            record.putAll(s.asMap());
            AtomicFiles.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(record));
        }
        return 0;
    }
}
