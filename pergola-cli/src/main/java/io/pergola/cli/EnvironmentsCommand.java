package io.pergola.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code pergola environments [create NAME]}. */
@Command(
    name = "environments",
    mixinStandardHelpOptions = true,
    description = "Lists the environments with their current revision.",
    subcommands = EnvironmentsCommand.Create.class)
final class EnvironmentsCommand extends ClientCommand {

  @Override
  public Integer call() {
    JsonNode environments = options.client().get("/api/environments");
    if (!printedJson(environments)) {
      Table table = new Table("ENVIRONMENT", "REVISION", "CREATED");
      environments.forEach(
          env -> table.row(env.get("name").asString(), env.get("currentRevision").asLong(), Table.time(env.get("createdAt"))));
      table.print(out());
    }
    return ExitCodes.OK;
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an environment (admins).")
  static final class Create extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "The environment's name (lowercase, digits, hyphens).")
    String name;

    @Override
    public Integer call() {
      JsonNode created = options.client().post("/api/environments", Map.of("name", name)).body();
      if (!printedJson(created)) {
        out().println("Created environment " + name + " at revision 0");
        out().flush();
      }
      return ExitCodes.OK;
    }
  }
}
