package org.dsrcnn.engine.cli;

import java.util.concurrent.Callable;
import org.dsrcnn.engine.config.Presets;
import org.dsrcnn.engine.model.ModelSummary;
import org.dsrcnn.engine.model.SparseRcnn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dsrcnn info}: the architecture of a config and its parameter count per part. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Architecture summary and trainable parameter count per part (nothing is allocated).")
public final class InfoCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "NAME|FILE",
            description = "preset name (paper, paper-baseline, small) or config JSON file")
    String config;

    @Override
    public Integer call() {
        SparseRcnn model = new SparseRcnn(Presets.load(config));
        ModelSummary.lines(model).forEach(System.out::println);
        return 0;
    }
}
