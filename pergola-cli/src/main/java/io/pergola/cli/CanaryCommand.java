package io.pergola.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pergola canary <app> <version> --percent N}, then {@code pergola canary promote|abort
 * <app>}.
 */
@Command(
    name = "canary",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a version of an app to a share of users, each user always in or out.",
      "Later promote the canary to everyone, or abort it."
    },
    subcommands = {CanaryCommand.Promote.class, CanaryCommand.Abort.class},
    footer = {
      "",
      "Examples:",
      "  pergola canary billing 1.5.0 --percent 10 --env production",
      "  pergola canary promote billing --env production",
      "  pergola canary abort billing --env production"
    })
final class CanaryCommand extends DeployCommand {

  // Not required to picocli, which would then demand them before "promote" and "abort" too.
  @Parameters(index = "0", arity = "0..1", paramLabel = "APP", description = "The app.")
  String app;

  @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "Its published version to show.")
  String version;

  @Option(names = "--percent", paramLabel = "N", description = "Share of users, 1 to 99.")
  Integer percent;

  @Override
  public Integer call() {
    if (app == null || version == null || percent == null) {
      throw new UsageException(
          "Start a canary with: pergola canary APP VERSION --percent N (or use canary promote|abort APP)");
    }
    return deploy(
        "canary",
        Map.of("app", app, "version", version, "percent", percent),
        "Canary of " + app + " " + version + " for " + percent + "% of users");
  }

  @Command(name = "promote", mixinStandardHelpOptions = true, description = "Makes the canary the version everyone gets.")
  static final class Promote extends DeployCommand {
    @Parameters(paramLabel = "APP", description = "The app whose canary this is.")
    String app;

    @Override
    public Integer call() {
      return deploy("canary/promote", Map.of("app", app), "Promoted the canary of " + app);
    }
  }

  @Command(name = "abort", mixinStandardHelpOptions = true, description = "Ends the canary; everyone gets the deployed version.")
  static final class Abort extends DeployCommand {
    @Parameters(paramLabel = "APP", description = "The app whose canary this is.")
    String app;

    @Override
    public Integer call() {
      return deploy("canary/abort", Map.of("app", app), "Aborted the canary of " + app);
    }
  }
}
