package io.pergola.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.ServerProcess;
import io.pergola.server.testkit.TestHttp;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes, deploys and changes to who may do what show in the server's log, and with structured logging turned on (Spring
 * Boot's {@code logging.structured.format.console}), as JSON lines whose parts are fields an
 * operator's log search can filter on.
 */
class StructuredLogTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aPublishAndADeployAreLoggedWithTheirPartsAsFields() throws Exception {
    try (ServerProcess server = ServerProcess.start(PergolaTestServer.tempDir(), "--logging.structured.format.console=ecs")) {
      TestHttp admin = server.admin();
      admin.postJson("/api/teams", "{\"name\":\"loggers\"}").expectStatus(201);
      admin.postJson("/api/apps", "{\"name\":\"billing\",\"team\":\"loggers\"}").expectStatus(201);
      TestBundle bundle = TestBundle.empty()
          .manifest("{\"name\":\"billing\",\"version\":\"1.0.0\",\"kind\":\"module\",\"entry\":\"index.js\"}")
          .file("index.js", "export function mount() {}");
      admin.put("/api/apps/billing/versions/1.0.0", bundle.zip(), "application/zip").expectStatus(201);
      admin.postJson("/api/environments/production/promote",
          "{\"app\":\"billing\",\"version\":\"1.0.0\",\"message\":\"first invoices\"}").expectStatus(200);

      JsonNode published = line(server, "Published billing 1.0.0: 2 files, ");
      assertThat(field(published, "pergola.app")).isEqualTo("billing");
      assertThat(field(published, "pergola.version")).isEqualTo("1.0.0");
      assertThat(field(published, "pergola.files")).isEqualTo("2");
      assertThat(field(published, "pergola.actor")).startsWith("admin");

      JsonNode deployed = line(server, "production revision 1: promote billing (none) -> 1.0.0 (\"first invoices\") by admin");
      assertThat(field(deployed, "pergola.actor")).isEqualTo(field(published, "pergola.actor"));
      assertThat(field(deployed, "pergola.environment")).isEqualTo("production");
      assertThat(field(deployed, "pergola.revision")).isEqualTo("1");
      assertThat(field(deployed, "pergola.action")).isEqualTo("promote");
      assertThat(field(deployed, "pergola.to")).isEqualTo("1.0.0");
      assertThat(field(deployed, "pergola.reason")).isEqualTo("first invoices");
    }
  }

  @Test
  void whoGaveWhichTeamATokenOrAnAppIsLoggedWithoutTheSecret() throws Exception {
    try (ServerProcess server = ServerProcess.start(PergolaTestServer.tempDir(), "--logging.structured.format.console=ecs")) {
      TestHttp admin = server.admin();
      admin.postJson("/api/teams", "{\"name\":\"keepers\"}").expectStatus(201);
      admin.postJson("/api/apps", "{\"name\":\"ledger\",\"team\":\"keepers\"}").expectStatus(201);
      JsonNode issued = admin.postJson("/api/teams/keepers/tokens", "{\"label\":\"ci\"}").expectStatus(201).json();
      String id = issued.get("id").asString();
      admin.delete("/api/tokens/" + id).expectStatus(204);

      JsonNode team = line(server, "Team keepers created by admin");
      JsonNode app = line(server, "App ledger registered for team keepers by admin");
      JsonNode token = line(server, "Token " + id + " (\"ci\") issued for team keepers by admin");
      JsonNode revoked = line(server, "Token " + id + " revoked by admin");

      assertThat(field(team, "pergola.action")).isEqualTo("team-create");
      assertThat(field(team, "pergola.actor")).startsWith("admin");
      assertThat(field(app, "pergola.action")).isEqualTo("app-register");
      assertThat(field(app, "pergola.app")).isEqualTo("ledger");
      assertThat(field(token, "pergola.action")).isEqualTo("token-issue");
      assertThat(field(token, "pergola.token")).isEqualTo(id);
      assertThat(field(token, "pergola.team")).isEqualTo("keepers");
      assertThat(field(revoked, "pergola.action")).isEqualTo("token-revoke");
      assertThat(Files.readString(server.log())).doesNotContain(issued.get("token").asString());
    }
  }

  /**
   * The JSON line whose message starts with {@code message}. Lines that are not JSON are the JVM's own
   * (a warning about a native library), written before any logger exists.
   */
  private static JsonNode line(ServerProcess server, String start) throws Exception {
    List<String> lines = Files.readAllLines(server.log());
    JsonNode found = null;
    for (String line : lines) {
      if (!line.startsWith("{")) {
        continue;
      }
      JsonNode json = JSON.readTree(line);
      if (json.path("message").asString().startsWith(start)) {
        found = json;
      }
    }
    assertThat(found).as("a log line saying %s... in %s", start, server.log()).isNotNull();
    return found;
  }

  /** A field by its dotted name, nested ({@code {"pergola":{"app":…}}}) or flat. */
  private static String field(JsonNode line, String name) {
    JsonNode flat = line.get(name);
    if (flat != null) {
      return flat.asString();
    }
    JsonNode node = line;
    for (String part : name.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() ? null : node.asString();
  }
}
