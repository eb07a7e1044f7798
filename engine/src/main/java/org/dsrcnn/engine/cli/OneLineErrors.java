package org.dsrcnn.engine.cli;

import picocli.CommandLine;

/**
 * Turns any failure into one line on stderr ({@code dsrcnn <cmd>: <reason>}) and exit code 2 for bad
 * usage, 1 for a failure while running. Set {@code DSRCNN_DEBUG=1} for the stack trace.
 */
final class OneLineErrors
        implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (System.getenv("DSRCNN_DEBUG") != null) {
            ex.printStackTrace();
        }
        cli.getErr().println(cli.getCommandName() + ": " + reason(ex));
        return 1;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        cli.getErr().println(cli.getCommandName() + ": " + ex.getMessage().lines().findFirst().orElse("bad usage")
                + " (see --help)");
        return 2;
    }

    /** The most useful one-line description of a failure. */
    static String reason(Throwable ex) {
        return org.dsrcnn.engine.errors.OneLineReason.of(ex);
    }
}
