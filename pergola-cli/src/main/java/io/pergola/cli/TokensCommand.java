package io.pergola.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code pergola tokens create --team T}: a new API token for a team (admin). */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = "Manages API tokens (admin only).",
    subcommands = TokensCommand.Create.class)
final class TokensCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create");
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

    @Override
    public Integer call() {
      JsonNode issued = options.client().post("/api/teams/" + team + "/tokens", Map.of("label", label)).body();
      if (!printedJson(issued)) {
        out().println(issued.get("token").asString());
        out().flush();
        err().println("This token is not shown again. Use it as PERGOLA_TOKEN for team " + team + ".");
        err().flush();
      }
      return ExitCodes.OK;
    }
  }
}
