package io.pergola.cli;

import picocli.CommandLine;

/** Maps failures to exit codes and messages, in one place for every subcommand. */
final class ExitCodes {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int NOT_AUTHORISED = 3;
  static final int NOT_FOUND = 4;
  static final int CONFLICT = 5;
  static final int REFUSED_INPUT = 6;
  static final int UNREACHABLE = 7;


  private ExitCodes() {}

  static CommandLine configure(CommandLine commandLine) {
    return commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message(exception)));
          if (exception instanceof ApiProblemException problem) {
            problem.details().forEach(cmd.getErr()::println);
          }
          cmd.getErr().flush();
          return codeFor(exception);
        });
  }

  static int codeFor(Throwable exception) {
    if (exception instanceof ServerUnreachableException) {
      return UNREACHABLE;
    }
    if (exception instanceof UsageException) {
      return USAGE;
    }
    if (exception instanceof ApiProblemException problem) {
      return switch (problem.status()) {
        case 401, 403 -> NOT_AUTHORISED;
        case 404 -> NOT_FOUND;
        case 409, 412 -> CONFLICT;
        case 400, 413, 415, 422 -> REFUSED_INPUT;
        default -> FAILURE;
      };
    }
    return FAILURE;
  }

  private static String message(Throwable exception) {
    String message = exception.getMessage();
    return message == null ? exception.getClass().getSimpleName() : message;
  }
}
