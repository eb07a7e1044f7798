package org.dsrcnn.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code dsrcnn} in a child JVM. From the launcher script ({@code $DSRCNN_HOME/dsrcnn} exists
 * and started this app) the child is that script, so the command shown is the one a user types;
 * otherwise (tests, an IDE) it is {@code java -cp <this JVM's class path>
 * org.dsrcnn.engine.cli.Dsrcnn} with the launcher's settings. Either way the child gets the
 * launcher's libgomp and malloc settings (see {@code dsrcnn}: without them two processes sharing
 * the cores slow each other down up to 10x).
 */
public final class ProcessTrainingLauncher implements TrainingLauncher {
    private final Path home;
    private final boolean useScript;

    /** @param home the project root (holds the {@code dsrcnn} launcher and {@code assets/}) */
    public ProcessTrainingLauncher(Path home) {
        this(home, System.getenv("DSRCNN_HOME") != null && Files.isExecutable(home.resolve("dsrcnn")));
    }

    ProcessTrainingLauncher(Path home, boolean useScript) {
        this.home = home;
        this.useScript = useScript;
    }

    @Override
    public List<String> commandLine(List<String> dsrcnnArgs) {
        List<String> cmd = new ArrayList<>();
        if (useScript) {
            cmd.add(home.resolve("dsrcnn").toString());
        } else {
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.add("-Dai.djl.offline=true");
            cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
            cmd.add("-Ddsrcnn.home=" + home);
            cmd.add("-Xmx3g");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("org.dsrcnn.engine.cli.Dsrcnn");
        }
        cmd.addAll(dsrcnnArgs);
        return cmd;
    }

    @Override
    public Process start(List<String> dsrcnnArgs, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(commandLine(dsrcnnArgs));
        Map<String, String> env = pb.environment();
        env.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        env.putIfAbsent("MALLOC_MMAP_THRESHOLD_", "33554432");
        env.putIfAbsent("MALLOC_TRIM_THRESHOLD_", "68719476736");
        env.remove("THP_MEM_ALLOC_ENABLE"); // the app's huge pages make the small preset train slower
        env.remove("MALLOC_ARENA_MAX");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }
}
