package io.pergola.cli;

import java.net.http.HttpRequest;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pergola withdraw <app> <version> --reason R}, or {@code --undo}. */
@Command(
    name = "withdraw",
    mixinStandardHelpOptions = true,
    description = {
      "Withdraws a version: still served, never deployed anew unless an admin forces it.",
      "No promote, canary or rollback gives it to anybody anew; it stays published and served, so pages"
          + " that use it keep working, and listings say why it was withdrawn. With --undo, makes it"
          + " deployable again."
    },
    footer = {
      "",
      "Examples:",
      "  pergola withdraw billing 1.3.0 --reason \"rounds totals down, use 1.3.1\"",
      "  pergola withdraw billing 1.3.0 --undo"
    })
final class WithdrawCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "APP", description = "The app.")
  String app;

  @Parameters(index = "1", paramLabel = "VERSION", description = "The published version to withdraw.")
  String version;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why: the teams that cannot deploy it read it.")
  String reason;

  @Option(names = "--undo", description = "Take the withdrawal back: the version may be deployed again.")
  boolean undo;

  @Override
  public Integer call() {
    if (undo == (reason != null)) {
      throw new UsageException("Give --reason to withdraw " + app + " " + version + ", or --undo, not both or neither");
    }
    PergolaClient client = options.client();
    String path = "/api/apps/" + app + "/versions/" + version + "/withdrawal";
    if (undo) {
      client.send(client.request(path).DELETE());
      out().println("Took back the withdrawal of " + app + " " + version + ": it may be deployed again.");
    } else {
      String body = PergolaClient.JSON.writeValueAsString(Map.of("reason", reason));
      client.put(path, HttpRequest.BodyPublishers.ofString(body), "application/json");
      out().println("Withdrew " + app + " " + version + ": no deploy gives it to anybody anew; pages that use it keep it.");
    }
    out().flush();
    return ExitCodes.OK;
  }
}
