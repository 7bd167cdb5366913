package io.pergola.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pergola promote <app> <version>}: deploys a version to everyone in an environment. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = "Deploys a published version of an app to everyone in an environment.",
    footer = {"", "Example:", "  pergola promote billing 1.4.0 --env production -m \"fixes rounding\""})
final class PromoteCommand extends DeployCommand {

  @Parameters(index = "0", paramLabel = "APP", description = "The app.")
  String app;

  @Parameters(index = "1", paramLabel = "VERSION", description = "Its published version to deploy.")
  String version;

  @Override
  public Integer call() {
    return deploy(
        "promote",
        Map.of("app", app, "version", version),
        "Promoted " + app + " " + version);
  }
}
