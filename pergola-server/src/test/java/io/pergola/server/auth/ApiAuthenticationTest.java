package io.pergola.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

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
