package io.pergola.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pergola} command: the server ({@code serve}) and the client commands a CI pipeline
 * uses. Exit codes are mapped in one place, {@link ExitCodes}.
 */
@Command(
    name = "pergola",
    mixinStandardHelpOptions = true,
    versionProvider = PergolaVersion.class,
    description = "Pergola, the micro-frontend platform for the JVM.",
    subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class PergolaCommand {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    return ExitCodes.configure(new CommandLine(new PergolaCommand()));
  }
}
