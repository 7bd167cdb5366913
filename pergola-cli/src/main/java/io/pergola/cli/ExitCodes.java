package io.pergola.cli;

import picocli.CommandLine;

/** Maps failures to exit codes and one-line messages, in one place for every subcommand. */
final class ExitCodes {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private ExitCodes() {}

  static CommandLine configure(CommandLine commandLine) {
    return commandLine
        .setExecutionExceptionHandler(
            (exception, cmd, parseResult) -> {
              cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message(exception)));
              return FAILURE;
            })
        .setExitCodeExceptionMapper(exception -> FAILURE);
  }

  private static String message(Throwable exception) {
    String message = exception.getMessage();
    return message == null ? exception.getClass().getSimpleName() : message;
  }
}
