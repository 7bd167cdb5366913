package io.pergola.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code pergola versions <app>}: an app's published versions, newest first. */
@Command(
    name = "versions",
    mixinStandardHelpOptions = true,
    description = "Lists an app's published versions, newest first.",
    footer = {"", "Example:", "  pergola versions billing"})
final class VersionsCommand extends ClientCommand {

  @Parameters(paramLabel = "APP", description = "The app.")
  String app;

  @Override
  public Integer call() {
    JsonNode versions = options.client().get("/api/apps/" + app + "/versions");
    if (!printedJson(versions)) {
      Table table = new Table("VERSION", "KIND", "FILES", "BYTES", "PUBLISHED", "BY");
      versions.forEach(
          version ->
              table.row(
                  version.get("version").asString(),
                  version.get("kind").asString(),
                  version.get("fileCount").asInt(),
                  version.get("totalBytes").asLong(),
                  Table.time(version.get("publishedAt")),
                  version.get("publishedBy").asString()));
      table.print(out());
    }
    return ExitCodes.OK;
  }
}
