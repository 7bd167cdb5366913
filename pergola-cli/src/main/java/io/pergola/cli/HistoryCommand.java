package io.pergola.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

/** {@code pergola history --env production}: revisions with their audit entries. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Lists an environment's revisions, newest first: who changed what, when and why.")
final class HistoryCommand extends ClientCommand {

  @Mixin EnvironmentOption environment;

  @Override
  public Integer call() {
    JsonNode revisions = options.client().get("/api/environments/" + environment.name() + "/revisions");
    if (!printedJson(revisions)) {
      Table table = new Table("REV", "WHEN", "WHO", "ACTION", "APP", "CHANGE", "MESSAGE");
      revisions.forEach(
          entry ->
              table.row(
                  entry.get("revision").asLong(),
                  Table.time(entry.get("at")),
                  entry.get("actor").asString(),
                  entry.get("action").asString() + (entry.path("forced").asBoolean() ? " (forced)" : ""),
                  entry.path("app").asString(null),
                  change(entry),
                  entry.path("message").asString(null)));
      table.print(out());
    }
    return ExitCodes.OK;
  }

  private static String change(JsonNode entry) {
    String from = entry.path("fromVersion").asString(null);
    String to = entry.path("toVersion").asString(null);
    String canary = entry.path("canaryVersion").asString(null);
    if (from == null && to == null) {
      return null;
    }
    String change = (from == null ? "-" : from) + " -> " + (to == null ? "-" : to);
    return canary == null ? change : change + ", canary " + canary + " " + entry.get("canaryPercent").asInt() + "%";
  }
}
