package io.pergola.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.PostgresDatabases;
import io.pergola.server.testkit.S3ProxyServer;
import io.pergola.server.testkit.TestHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrateCommandTest {

  @Test
  void movesAnEmbeddedInstallationToPostgresqlAndS3LosingNothing() throws Exception {
    Path embedded = PergolaTestServer.tempDir();
    String teamToken;
    String script = "export function mount(e) { e.textContent = 'moved'; }";
    try (PergolaTestServer server = PergolaTestServer.start(embedded, "--spring.datasource.url=jdbc:h2:file:" + embedded + "/db/pergola;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
      TestHttp team = server.newTeam("movers");
      teamToken = team.token();
      server.registerApp("billing", "movers");
      team.put("/api/apps/billing/versions/1.0.0", TestBundle.module("billing", "1.0.0").file("index.js", script).zip(), "application/zip")
          .expectStatus(201);
      team.put("/api/apps/billing/versions/1.1.0", TestBundle.validModule("billing", "1.1.0").zip(), "application/zip")
          .expectStatus(201);
      team.postJson("/api/environments/production/promote", "{\"app\":\"billing\",\"version\":\"1.0.0\",\"message\":\"before the move\"}")
          .expectStatus(200);
      team.put("/api/apps/billing/versions/1.1.0/withdrawal", "{\"reason\":\"not yet\"}".getBytes(), "application/json")
          .expectStatus(200);
    }
    String[] database = PostgresDatabases.freshDatabaseArgs();
    try (S3ProxyServer s3 = S3ProxyServer.start("moved")) {
      String[] storage = s3.pergolaArgs("moved");

      CliRun migrate =
          CliRun.run(
              "migrate", "--data", embedded.toString(),
              "--to-url", value(database[0]), "--to-user", value(database[1]), "--to-password", value(database[2]),
              "--to-s3-bucket", "moved", "--to-s3-prefix", "pergola/", "--to-s3-endpoint", s3.endpoint().toString(),
              "--to-s3-path-style");

      assertThat(migrate.exitCode()).as(migrate.err()).isZero();
      assertThat(migrate.out()).contains("Copied 2 rows of app_versions").contains("counts checked");
      List<String> args = new ArrayList<>(List.of(database));
      args.addAll(List.of(storage));
      try (PergolaTestServer moved = PergolaTestServer.start(PergolaTestServer.tempDir(), args.toArray(String[]::new))) {
        TestHttp team = moved.withToken(teamToken);
        assertThat(team.get("/api/apps/billing/versions").expectStatus(200).json().size()).isEqualTo(2);
        assertThat(moved.anonymous().get("/assets/billing/1.0.0/index.js").expectStatus(200).text()).isEqualTo(script);
        assertThat(moved.admin().get("/api/environments/production/audit").json().get(0).get("message").asString())
            .isEqualTo("before the move");
        assertThat(team.get("/api/apps/billing/versions/1.1.0").json().get("withdrawn").get("reason").asString())
            .isEqualTo("not yet");
        team.delete("/api/apps/billing/versions/1.1.0/withdrawal").expectStatus(204);
        team.postJson("/api/environments/production/promote", "{\"app\":\"billing\",\"version\":\"1.1.0\"}")
            .expectStatus(200);
      }

      CliRun again =
          CliRun.run(
              "migrate", "--data", embedded.toString(),
              "--to-url", value(database[0]), "--to-user", value(database[1]), "--to-password", value(database[2]),
              "--to-s3-bucket", "moved", "--to-s3-endpoint", s3.endpoint().toString(), "--to-s3-path-style");
      assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(again.err()).contains("already holds data");
    }
  }

  private static String value(String springArg) {
    return springArg.substring(springArg.indexOf('=') + 1);
  }
}
