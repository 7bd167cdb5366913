package io.pergola.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

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
            JsonNode reasons = withdrawn.getOrDefault(app, MissingNode.getInstance());
            String versionWithdrawn = reasons.path(version).asString(null);
            String canaryWithdrawn = canaryVersion == null ? null : reasons.path(canaryVersion).asString(null);
            table.row(
                app,
                version + (versionWithdrawn == null ? "" : " (withdrawn)"),
                canaryVersion == null
                    ? null
                    : canaryVersion + " (" + canary.get("percent").asInt() + "%"
                        + (canaryWithdrawn == null ? "" : ", withdrawn") + ")");
            if (versionWithdrawn != null) {
              warnings.add(app + " " + version + " was withdrawn: " + versionWithdrawn);
            }
            if (canaryWithdrawn != null) {
              warnings.add(app + " " + canaryVersion + " was withdrawn: " + canaryWithdrawn);
            }
          });
      table.print(out());
      // Apart from the table: what the environment still gives people although its team took it back.
      warnings.forEach(err()::println);
      err().flush();
    }
    return ExitCodes.OK;
  }
}
