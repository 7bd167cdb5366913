package io.pergola.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

/** {@code pergola status --env production}: what is live, with canaries. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows what an environment serves: versions, canaries, revision, and any withdrawn.")
final class StatusCommand extends ClientCommand {

  @Mixin EnvironmentOption environment;

  @Override
  public Integer call() {
    JsonNode status = options.client().get("/api/environments/" + environment.name());
    if (!printedJson(status)) {
      out().println(
          environment.name() + " at revision " + status.get("revision").asLong() + " (" + status.get("createdBy").asString()
              + ", " + Table.time(status.get("createdAt")) + ")");
      Map<String, JsonNode> withdrawn = new HashMap<>();
      options.client().get("/api/apps").forEach(app -> withdrawn.put(app.get("name").asString(), app.path("withdrawnVersions")));
      Table table = new Table("APP", "VERSION", "CANARY");
      List<String> warnings = new ArrayList<>();
      status.get("deployments").forEach(
          deployment -> {
            String app = deployment.get("app").asString();
            JsonNode canary = deployment.path("canary");
            String version = deployment.get("version").asString();
            String canaryVersion = canary.isMissingNode() || canary.isNull() ? null : canary.get("version").asString();
            table.row(
                app,
                version + (withdrawnReason(withdrawn, app, version) == null ? "" : " (withdrawn)"),
                canaryVersion == null
                    ? null
                    : canaryVersion + " (" + canary.get("percent").asInt() + "%"
                        + (withdrawnReason(withdrawn, app, canaryVersion) == null ? "" : ", withdrawn") + ")");
            for (String running : canaryVersion == null ? List.of(version) : List.of(version, canaryVersion)) {
              String reason = withdrawnReason(withdrawn, app, running);
              if (reason != null) {
                warnings.add(app + " " + running + " was withdrawn: " + reason);
              }
            }
          });
      table.print(out());
      // Apart from the table: what the environment still gives people although its team took it back.
      warnings.forEach(err()::println);
      err().flush();
    }
    return ExitCodes.OK;
  }

  private static String withdrawnReason(Map<String, JsonNode> withdrawn, String app, String version) {
    JsonNode versions = withdrawn.get(app);
    return versions == null ? null : versions.path(version).asString(null);
  }
}
