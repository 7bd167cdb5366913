package io.pergola.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code pergola tokens create|list|revoke}: teams' API tokens (admin). */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = "Manages API tokens (admin only).",
    subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create, list or revoke");
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Issues an API token for a team. The token is shown once; store it as a secret.",
      footer = {"", "Example:", "  pergola tokens create --team billing --label ci"})
  static final class Create extends ClientCommand {

    @Option(names = "--team", required = true, paramLabel = "TEAM", description = "The team.")
    String team;

    @Option(names = "--label", paramLabel = "LABEL", description = "What the token is for.", defaultValue = "api token")
    String label;

    @Option(
        names = "--expires-in-days",
        paramLabel = "DAYS",
        description = "Refuse the token after DAYS days, 1 to 3650 (default: valid until revoked).")
    Integer expiresInDays;

    @Override
    public Integer call() {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("label", label);
      if (expiresInDays != null) {
        request.put("expiresInDays", expiresInDays);
      }
      JsonNode issued = options.client().post("/api/teams/" + team + "/tokens", request).body();
      if (!printedJson(issued)) {
        out().println(issued.get("token").asString());
        out().flush();
        String until = Table.time(issued.path("expiresAt"));
        err().println("This token is not shown again. Use it as PERGOLA_TOKEN for team " + team
            + (until == null ? "" : " until " + until) + ".");
        err().println("Its id is " + issued.get("id").asString() + " (pergola tokens revoke " + issued.get("id").asString()
            + " ends it).");
        err().flush();
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the tokens neither revoked nor expired, without their secrets, which are never kept.",
      footer = {"", "Example:", "  pergola tokens list --team billing"})
  static final class ListTokens extends ClientCommand {

    @Option(names = "--team", paramLabel = "TEAM", description = "Only this team's tokens (default: every token).")
    String team;

    @Override
    public Integer call() {
      JsonNode tokens = options.client().get("/api/tokens" + (team == null ? "" : "?team=" + team));
      if (!printedJson(tokens)) {
        Table table = new Table("ID", "TEAM", "LABEL", "CREATED", "EXPIRES");
        tokens.forEach(
            token ->
                table.row(
                    token.get("id").asString(),
                    token.get("admin").asBoolean() ? "(admin)" : token.get("team").asString(),
                    token.get("label").asString(),
                    Table.time(token.get("createdAt")),
                    Objects.requireNonNullElse(Table.time(token.path("expiresAt")), "never")));
        table.print(out());
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revokes a token at once: every request with it is refused from then on.",
      footer = {"", "Example:", "  pergola tokens revoke 0b6f8e2c-4d1a-4f7e-9a53-1c2d3e4f5a6b"})
  static final class Revoke extends ClientCommand {

    @Parameters(paramLabel = "ID", description = "The token's id, as tokens list or tokens create shows it.")
    String id;

    @Override
    public Integer call() {
      options.client().send(options.client().request("/api/tokens/" + id).DELETE());
      out().println("Revoked token " + id + ".");
      out().flush();
      return ExitCodes.OK;
    }
  }
}
