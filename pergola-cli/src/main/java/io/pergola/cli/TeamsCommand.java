package io.pergola.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code pergola teams}: lists teams; {@code pergola teams create}: creates one (admin). */
@Command(
    name = "teams",
    mixinStandardHelpOptions = true,
    description = "Lists the teams (admin only).",
    subcommands = TeamsCommand.Create.class,
    footer = {"", "Example:", "  pergola teams create billing"})
final class TeamsCommand extends ClientCommand {

  @Override
  public Integer call() {
    JsonNode teams = options.client().get("/api/teams");
    if (!printedJson(teams)) {
      Table table = new Table("TEAM", "CREATED");
      teams.forEach(team -> table.row(team.get("name").asString(), Table.time(team.get("createdAt"))));
      table.print(out());
    }
    return ExitCodes.OK;
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a team (admin only).")
  static final class Create extends ClientCommand {

    @Parameters(paramLabel = "TEAM", description = "The team's name (lowercase, digits, hyphens).")
    String team;

    @Override
    public Integer call() {
      JsonNode created = options.client().post("/api/teams", Map.of("name", team)).body();
      if (!printedJson(created)) {
        out().println("Created team " + team);
        out().flush();
      }
      return ExitCodes.OK;
    }
  }
}
