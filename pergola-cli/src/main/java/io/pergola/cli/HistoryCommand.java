package io.pergola.cli;

import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code pergola history --env production}: revisions with their audit entries. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Lists an environment's revisions, newest first: who changed what, when and why.")
final class HistoryCommand extends ClientCommand {

  @Mixin EnvironmentOption environment;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "Show at most N revisions, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--before",
      paramLabel = "REV",
      description = "Start below revision REV, to page back through a long history.")
  Long before;

  @Override
  public Integer call() {
    String path = "/api/environments/" + environment.name() + "/audit?limit=" + limit
        + (before == null ? "" : "&before=" + before);
    PergolaClient.Answer answer = options.client().answer(path);
    JsonNode revisions = answer.body();
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
      if (!revisions.isEmpty()) {
        sayHowToSeeOlder(
            answer, "revisions", "pergola history --env " + environment.name() + " --limit " + limit,
            revisions.get(revisions.size() - 1).get("revision").asString());
      }
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
