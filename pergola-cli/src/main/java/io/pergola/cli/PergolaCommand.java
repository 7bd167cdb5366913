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
    footer = {
      "",
      "Start here:  pergola serve      (or ./pergola demo for the demo application)",
      "Client commands take --server/PERGOLA_URL and --token/PERGOLA_TOKEN.",
      "",
      "Exit codes: 0 ok, 1 failure, 2 usage, 3 not authorised (401/403), 4 not found,",
      "5 conflict or revision moved (409/412), 6 input refused (400/413/422), 7 server unreachable."
    },
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      DevCommand.class,
      PublishCommand.class,
      AppsCommand.class,
      VersionsCommand.class,
      WithdrawCommand.class,
      TeamsCommand.class,
      TokensCommand.class,
      EnvironmentsCommand.class,
      PromoteCommand.class,
      RollbackCommand.class,
      CanaryCommand.class,
      StatusCommand.class,
      HistoryCommand.class,
      MigrateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PergolaCommand {

  static final int HELP_WIDTH = 100;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    // 100 columns, not picocli's 80: the client commands' options leave a description column
    // too narrow for a URL or a path on one line, which picocli would then split at a colon.
    return ExitCodes.configure(new CommandLine(new PergolaCommand())).setUsageHelpWidth(HELP_WIDTH);
  }
}
