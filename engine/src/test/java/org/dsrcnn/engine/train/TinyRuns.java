package org.dsrcnn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.cli.Dsrcnn;
import picocli.CommandLine;

/**
 * Real training runs small enough for tests: the {@code small} preset shrunk to width 8, 2 stages,
 * 8 proposals and 64 px inputs on a few generated shapes images, through the real command line in
 * this JVM or in a child {@code java} process.
 */
public final class TinyRuns {

    /** --set values that make a step take a fraction of a second. */
    public static final List<String> SETTINGS = List.of(
            "backbone.baseWidth=8", "backbone.fpnChannels=32", "backbone.gnGroups=4", "head.hiddenDim=32",
            "head.feedforward=64", "head.dimDynamic=8", "head.stages=2", "proposals.count=8",
            "proposals.gridSize=6", "proposals.weightHidden=16", "input.trainShortSides=[64]",
            "input.trainMaxSize=64", "input.testShortSide=64", "input.testMaxSize=64", "solver.batchSize=2",
            "solver.warmupIters=2", "solver.checkpointPeriod=5", "solver.evalPeriod=1000", "solver.lr=0.0005");

    private TinyRuns() {}

    /** Writes a small shapes dataset (6 train, 2 val images of 64 px) into {@code dir}. */
    public static Path shapes(Path dir) {
        int code = Dsrcnn.commandLine().execute("gen-shapes", "--out", dir.toString(), "--train", "6", "--val", "2",
                "--seed", "3", "--size", "64", "--quiet");
        assertEquals(0, code);
        return dir;
    }

    /** {@code train --config small --data DATA --out RUN --no-progress} with the tiny settings, plus {@code extra}. */
    public static List<String> trainArgs(Path data, Path run, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--config", "small", "--data", data.toString(),
                "--out", run.toString(), "--no-progress"));
        for (String s : SETTINGS) {
            args.add("--set");
            args.add(s);
        }
        args.addAll(List.of(extra));
        return args;
    }

    /** What a command printed and returned. */
    public record Outcome(int code, String out, String err) {}

    /** Runs the command line in this JVM, capturing what it prints through picocli. */
    public static Outcome cli(List<String> args) {
        CommandLine cli = Dsrcnn.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The command line as a child process (same classpath), output and errors to {@code log}. */
    public static ProcessBuilder child(Path log, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_interop_threads=1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Dsrcnn.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("DSRCNN_DEBUG");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE"); // as the launcher: no spinning on shared cores
        return pb;
    }

    /** The iteration numbers of the "train" records of a run's metrics.jsonl, in file order. */
    public static List<Integer> trainIterations(Path run) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (JsonNode r : MetricsReader.readAll(run.resolve("metrics.jsonl"))) {
            if ("train".equals(r.get("type").asText())) {
                out.add(r.get("iter").asInt());
            }
        }
        return out;
    }

    /** 1, 2, ..., n. */
    public static List<Integer> oneTo(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(i);
        }
        return out;
    }
}
