package org.dsrcnn.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dsrcnn.engine.checkpoint.CheckpointImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dsrcnn import}: an official Sparse R-CNN checkpoint (.pth / .pkl) as a model directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an official Sparse R-CNN checkpoint (PeizeSun/SparseR-CNN, detectron2 layout: "
                + "torch.save zip or legacy .pth, or detectron2 .pkl) as a model directory with the official "
                + "test-time settings and the COCO class names.")
public final class ImportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "the .pth or .pkl file")
    Path checkpoint;

    @Option(names = "--force", description = "replace what --out already holds")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "model directory to write")
    Path out;

    @Option(names = "--heads", defaultValue = "8",
            description = "attention heads per stage; not visible in the weights (official: ${DEFAULT-VALUE})")
    int heads;

    @Override
    public Integer call() throws Exception {
        OutputPaths.requireReplaceable("--out", out, force);
        CheckpointImport.Result r = CheckpointImport.importCheckpoint(checkpoint, out, heads);
        PrintWriter w = spec.commandLine().getOut();
        w.println("imported " + checkpoint.getFileName() + " (" + r.format() + "): " + r.description());
        if (!r.ignoredKeys().isEmpty()) {
            w.println("left out (training loss only): " + String.join(", ", r.ignoredKeys()));
        }
        w.println("model: " + r.modelDir());
        w.flush();
        return 0;
    }
}
