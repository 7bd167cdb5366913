package io.pergola.cli;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * What every deploy command shares: the environment, a message for the audit trail, the revision
 * the caller expects ({@code --if-revision}, sent as {@code If-Match}), {@code --force}, and how
 * the new revision is reported.
 */
abstract class DeployCommand extends ClientCommand {

  @Mixin EnvironmentOption environment;

  @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Why, for the audit trail.")
  String message;

  @Option(
      names = "--if-revision",
      paramLabel = "N",
      description = "Only if the environment is still at revision N (else exit 5).")
  Long ifRevision;

  @Option(
      names = "--force",
      description = "Deploy even if it breaks a library contract or gives a withdrawn version (admins; audited).")
  boolean force;

  /** Posts the operation to {@code /api/environments/{env}/{action}} and prints the revision. */
  int deploy(String action, Map<String, Object> body, String done) {
    Map<String, Object> request = new LinkedHashMap<>(body);
    if (message != null) {
      request.put("message", message);
    }
    if (force) {
      request.put("force", true);
    }
    PergolaClient client = options.client();
    HttpRequest.Builder post =
        client
            .request("/api/environments/" + environment.name() + "/" + action)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(PergolaClient.JSON.writeValueAsString(request)));
    if (ifRevision != null) {
      post.header("If-Match", "\"" + ifRevision + "\"");
    }
    JsonNode revision = client.send(post).body();
    if (!printedJson(revision)) {
      out().println(done + " in " + environment.name() + ": now at revision " + revision.get("revision").asLong());
      out().flush();
    }
    return ExitCodes.OK;
  }
}
