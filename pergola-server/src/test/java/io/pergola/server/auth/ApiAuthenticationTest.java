package io.pergola.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class ApiAuthenticationTest {

  private final PergolaTestServer server = PergolaTestServer.shared();

  @Test
  void refusesApiCallWithoutTokenAsProblem() {
    var problem = server.anonymous().get("/api/apps").expectProblem(401);

    assertThat(problem.get("detail").asString()).contains("Authorization: Bearer");
  }

  @Test
  void refusesUnknownTokenAsProblem() {
    var problem = server.withToken("pgl_not-a-real-token").get("/api/apps").expectProblem(401);

    assertThat(problem.get("detail").asString()).contains("unknown or revoked");
  }

  @Test
  void aTokenLearnsWhomTheApiTakesItFor() {
    String name = PergolaTestServer.unique("team");
    TestHttp team = server.newTeam(name);

    assertThat(team.get("/api/me").expectStatus(200).json().toString())
        .isEqualTo("{\"id\":\"team:" + name + "\",\"admin\":false,\"teams\":[\"" + name + "\"]}");
    assertThat(server.admin().get("/api/me").expectStatus(200).json().get("admin").asBoolean()).isTrue();
    server.anonymous().get("/api/me").expectProblem(401);
  }

  @Test
  void teamTokenMayNotManageTeams() {
    TestHttp team = server.newTeam(PergolaTestServer.unique("team"));

    var problem = team.postJson("/api/teams", "{\"name\":\"intruders\"}").expectProblem(403);

    assertThat(problem.get("detail").asString()).contains("Only an admin may manage teams");
  }

  @Test
  void revokedTokenIsRefused() {
    String team = PergolaTestServer.unique("team");
    server.admin().postJson("/api/teams", "{\"name\":\"" + team + "\"}").expectStatus(201);
    var issued =
        server.admin().postJson("/api/teams/" + team + "/tokens", "{}").expectStatus(201).json();
    TestHttp client = server.withToken(issued.get("token").asString());
    client.get("/api/apps").expectStatus(200);

    server.admin().delete("/api/tokens/" + issued.get("id").asString()).expectStatus(204);

    client.get("/api/apps").expectProblem(401);
  }

  @Test
  void anAdminFindsATokenInTheListingAndRevokesIt() {
    String team = PergolaTestServer.unique("team");
    TestHttp client = server.newTeam(team);

    JsonNode listed = server.admin().get("/api/tokens?team=" + team).expectStatus(200).json();
    server.admin().delete("/api/tokens/" + listed.get(0).get("id").asString()).expectStatus(204);

    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("team").asString()).isEqualTo(team);
    assertThat(listed.get(0).get("label").asString()).isEqualTo("api token");
    assertThat(listed.get(0).has("token")).as("the secret is never shown again").isFalse();
    assertThat(listed.toString()).doesNotContain(client.token());
    client.get("/api/apps").expectProblem(401);
    assertThat(server.admin().get("/api/tokens?team=" + team).json()).isEmpty();
    assertThat(server.admin().get("/api/tokens").json().valueStream().map(token -> token.get("id").asString()))
        .doesNotContain(listed.get(0).get("id").asString());
    client.get("/api/tokens").expectProblem(401);
    server.newTeam(PergolaTestServer.unique("team")).get("/api/tokens").expectProblem(403);
    assertThat(server.admin().get("/api/tokens?team=nobody").expectProblem(404).get("detail").asString())
        .contains("nobody");
  }

  @Test
  void aTokenIssuedForSomeDaysIsRefusedOnceThoseArePastSayingSo() {
    String team = PergolaTestServer.unique("team");
    server.admin().postJson("/api/teams", "{\"name\":\"" + team + "\"}").expectStatus(201);
    JsonNode issued =
        server.admin().postJson("/api/teams/" + team + "/tokens", "{\"label\":\"ci\",\"expiresInDays\":30}")
            .expectStatus(201).json();
    TestHttp client = server.withToken(issued.get("token").asString());
    client.get("/api/apps").expectStatus(200);
    JsonNode listed = server.admin().get("/api/tokens?team=" + team).json();

    // Thirty days later, as far as the token is concerned.
    server.context().getBean(JdbcTemplate.class)
        .update("update api_tokens set expires_at = ? where id = ?",
            OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), issued.get("id").asString());

    assertThat(OffsetDateTime.parse(issued.get("expiresAt").asString()))
        .isBetween(OffsetDateTime.now().plusDays(29), OffsetDateTime.now().plusDays(31));
    assertThat(listed.get(0).get("expiresAt").asString()).isEqualTo(issued.get("expiresAt").asString());
    assertThat(client.get("/api/apps").expectProblem(401).get("detail").asString())
        .containsPattern("The API token expired at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ; an admin issues a new one"
            + " \\(pergola tokens create\\)$");
    assertThat(server.admin().get("/api/tokens?team=" + team).json()).isEmpty();
    assertThat(server.admin().postJson("/api/teams/" + team + "/tokens", "{\"expiresInDays\":0}").expectProblem(400)
            .get("detail").asString())
        .isEqualTo("expiresInDays must be 1 to 3650, not 0");
  }

  @Test
  void theLastAdminTokenIsNotRevokedAndARevokedOneGivenAtStartIsRefused() {
    try (var server = PergolaTestServer.start(PergolaTestServer.tempDir())) {
      String first = adminTokenIds(server).getFirst();

      var refused = server.admin().delete("/api/tokens/" + first).expectProblem(409);
      String second = server.context().getBean(ApiTokens.class).issue(null, "second admin").token();
      server.withToken(second).delete("/api/tokens/" + first).expectStatus(204);

      assertThat(refused.get("detail").asString()).startsWith("This is the last admin token");
      server.admin().get("/api/teams").expectProblem(401);
      // The server starts again with the same PERGOLA_ADMIN_TOKEN, the one just revoked.
      assertThatThrownBy(server::restart).hasStackTraceContaining("was revoked");
    }
  }

  private static List<String> adminTokenIds(PergolaTestServer server) {
    return server.admin().get("/api/tokens").expectStatus(200).json().valueStream()
        .filter(token -> token.get("admin").asBoolean())
        .map(token -> token.get("id").asString())
        .toList();
  }

  @Test
  void healthIsPublicAndUp() {
    var response = server.anonymous().get("/health").expectStatus(200);

    assertThat(response.json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void firstStartWithoutConfiguredTokenWritesAnOwnerOnlyAdminTokenFile() throws Exception {
    Path dataDir = PergolaTestServer.tempDir();
    try (var server = PergolaTestServer.start(dataDir, "--pergola.admin-token=")) {
      Path tokenFile = dataDir.resolve(AdminTokenBootstrap.TOKEN_FILE);

      assertThat(Files.getPosixFilePermissions(tokenFile))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      String token = Files.readString(tokenFile).strip();
      assertThat(token).startsWith(ApiTokens.PREFIX);
      server.withToken(token).get("/api/teams").expectStatus(200);
    }
  }
}
