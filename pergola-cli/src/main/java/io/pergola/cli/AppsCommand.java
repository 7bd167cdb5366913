package io.pergola.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code pergola apps}: lists apps; {@code pergola apps register}: registers one (admin). */
@Command(
    name = "apps",
    mixinStandardHelpOptions = true,
    description = "Lists the registered apps with their owning team and latest version.",
    subcommands = AppsCommand.Register.class,
    footer = {"", "Example:", "  pergola apps", "  pergola apps register billing --team billing"})
final class AppsCommand extends ClientCommand {

  @Override
  public Integer call() {
    JsonNode apps = options.client().get("/api/apps");
    if (!printedJson(apps)) {
      Table table = new Table("APP", "TEAM", "LATEST", "VERSIONS");
      apps.forEach(
          app ->
              table.row(
                  app.get("name").asString(),
                  app.get("team").asString(),
                  app.path("latestVersion").asString(null),
                  app.get("versionCount").asInt()));
      table.print(out());
    }
    return ExitCodes.OK;
  }

  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description = "Registers an app owned by a team, so that team can publish it (admin only).")
  static final class Register extends ClientCommand {

    @Parameters(paramLabel = "APP", description = "The app's name (lowercase, digits, hyphens).")
    String app;

    @Option(names = "--team", required = true, paramLabel = "TEAM", description = "The owning team.")
    String team;

    @Override
    public Integer call() {
      JsonNode registered = options.client().post("/api/apps", Map.of("name", app, "team", team)).body();
      if (!printedJson(registered)) {
        out().println("Registered " + app + ", owned by team " + team);
        out().flush();
      }
      return ExitCodes.OK;
    }
  }
}
