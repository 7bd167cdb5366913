package io.pergola.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "Show at most N versions, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--before",
      paramLabel = "VERSION",
      description = "Start below VERSION, to page back through many versions.")
  String before;

  @Override
  public Integer call() {
    String path = "/api/apps/" + app + "/versions?limit=" + limit
        + (before == null ? "" : "&before=" + URLEncoder.encode(before, StandardCharsets.UTF_8));
    PergolaClient.Answer answer = options.client().answer(path);
    JsonNode versions = answer.body();
    if (!printedJson(versions)) {
      Table table = new Table("VERSION", "KIND", "FILES", "BYTES", "PUBLISHED", "BY", "WITHDRAWN");
      versions.forEach(
          version ->
              table.row(
                  version.get("version").asString(),
                  version.get("kind").asString(),
                  version.get("fileCount").asInt(),
                  version.get("totalBytes").asLong(),
                  Table.time(version.get("publishedAt")),
                  version.get("publishedBy").asString(),
                  version.path("withdrawn").path("reason").asString(null)));
      table.print(out());
      if (!versions.isEmpty()) {
        sayHowToSeeOlder(
            answer, "versions", "pergola versions " + app + " --limit " + limit,
            versions.get(versions.size() - 1).get("version").asString());
      }
    }
    return ExitCodes.OK;
  }
}
