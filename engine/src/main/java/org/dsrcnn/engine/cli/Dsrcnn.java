package org.dsrcnn.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The engine's command line, {@code ./dsrcnn}. Every subcommand exits non-zero with a one-line
 * reason on bad input (see {@link OneLineErrors}).
 */
@Command(
        name = "dsrcnn",
        mixinStandardHelpOptions = true,
        version = "dsrcnn 0.1.0",
        description = "Dynamic Sparse R-CNN on DJL: model, assignment, training and evaluation.",
        subcommands = {
            InfoCommand.class,
            BenchCommand.class,
            AssignCommand.class,
            GenShapesCommand.class,
            TrainCommand.class,
            InferCommand.class,
            EvalCommand.class,
            ExportCommand.class,
            DpgStatsCommand.class,
            ImportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Dsrcnn implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with the project's error handling. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Dsrcnn());
        OneLineErrors handler = new OneLineErrors();
        cli.setExecutionExceptionHandler(handler);
        cli.setParameterExceptionHandler(handler);
        return cli;
    }

    public static void main(String[] args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable t) {
            // picocli hands Errors (out of memory, a native library that fails to load) straight
            // through: they get the same one line as every other failure
            if (System.getenv("DSRCNN_DEBUG") != null) {
                t.printStackTrace();
            }
            System.err.println("dsrcnn" + (args.length > 0 ? " " + args[0] : "") + ": "
                    + OneLineErrors.reason(t));
            code = 1;
        }
        System.exit(code);
    }
}
