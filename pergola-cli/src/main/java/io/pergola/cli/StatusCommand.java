package io.pergola.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

/** {@code pergola status --env production}: what is live, with canaries. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows what an environment serves: each app's version, canaries, the revision.")
final class StatusCommand extends ClientCommand {

  @Mixin EnvironmentOption environment;

  @Override
  public Integer call() {
    JsonNode status = options.client().get("/api/environments/" + environment.name());
    if (!printedJson(status)) {
      out().println(
          environment.name() + " at revision " + status.get("revision").asLong() + " (" + status.get("createdBy").asString()
              + ", " + Table.time(status.get("createdAt")) + ")");
      Table table = new Table("APP", "VERSION", "CANARY");
      status.get("deployments").forEach(
          deployment -> {
            JsonNode canary = deployment.path("canary");
            table.row(
                deployment.get("app").asString(),
                deployment.get("version").asString(),
                canary.isMissingNode() || canary.isNull()
                    ? null
                    : canary.get("version").asString() + " (" + canary.get("percent").asInt() + "%)");
          });
      table.print(out());
    }
    return ExitCodes.OK;
  }
}
