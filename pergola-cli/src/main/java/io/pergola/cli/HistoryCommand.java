package io.pergola.cli;

import java.util.Objects;
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

  /**
   * What a revision changed, as the dashboard says it: {@code 1.0.0 -> 1.3.0}, {@code canary 1.3.0
   * to 10%} (a canary leaves the deployed version as it was: that it stays is no news).
   */
  private static String change(JsonNode entry) {
    String from = entry.path("fromVersion").asString(null);
    String to = entry.path("toVersion").asString(null);
    String canary = entry.path("canaryVersion").asString(null);
    if (canary != null && entry.path("action").asString("").equals("canary")) {
      String shown = "canary " + canary + " to " + entry.get("canaryPercent").asInt() + "%";
      return Objects.equals(from, to) ? shown : (from == null ? "-" : from) + " -> " + to + ", " + shown;
    }
    if (from == null && to == null) {
      return null;
    }
    return (from == null ? "-" : from) + " -> " + (to == null ? "-" : to);
  }
}
