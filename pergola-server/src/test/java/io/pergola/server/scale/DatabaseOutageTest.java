package io.pergola.server.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.BrowserSession;
import io.pergola.server.testkit.LoginServers;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.S3ProxyServer;
import io.pergola.server.testkit.TestHttp;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The database goes away while a node serves traffic: the shell and the assets keep serving the
 * last revision the node knows, people signed in keep their pages, readiness says DOWN while
 * liveness stays UP, what needs the database (a session the node never read, a deploy) is a 503
 * saying to try again, and once the database is back, deploys and sessions work again without
 * restarting the node.
 *
 * <p>Stops and starts a PostgreSQL cluster of its own ({@code PERGOLA_TEST_FAULT_CLUSTER}, e.g.
 * {@code "15 pergola-fault"}, driven with {@code pg_ctlcluster}), which {@code .ci/run} creates.
 */
class DatabaseOutageTest {

  private static final String CLUSTER = System.getenv("PERGOLA_TEST_FAULT_CLUSTER");
  private static final String ADMIN_URL = System.getenv("PERGOLA_TEST_FAULT_POSTGRES_URL");

  @Test
  void aNodeKeepsServingTheLastRevisionThroughAnOutageAndRecoversByItself() throws Exception {
    if (CLUSTER == null || ADMIN_URL == null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but PERGOLA_TEST_FAULT_CLUSTER is unset; .ci/run sets it");
      }
      assumeTrue(false, "Needs a PostgreSQL cluster it may stop (PERGOLA_TEST_FAULT_CLUSTER); .ci/run sets one up");
    }
    cluster("start");
    String database = "pergola_fault_" + ProcessHandle.current().pid();
    try (Connection connection = DriverManager.getConnection(ADMIN_URL, "pergola_test", "pergola_test");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database);
      statement.execute("create database " + database);
    }
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + database);
    args.add("--spring.datasource.username=pergola_test");
    args.add("--spring.datasource.password=pergola_test");
    args.add("--spring.datasource.hikari.connection-timeout=1000");
    args.add("--spring.datasource.hikari.validation-timeout=500");
    // Signed in, a person's session lives in the database too; /billing stays open to anybody.
    args.addAll(LoginServers.embeddedArgs("--pergola.login.public-routes[1]=/billing"));
    try (S3ProxyServer s3 = S3ProxyServer.start("outage")) {
      args.addAll(List.of(s3.pergolaArgs("outage")));
      try (PergolaTestServer node = PergolaTestServer.start(PergolaTestServer.tempDir(), args.toArray(String[]::new))) {
        TestHttp team = node.newTeam("ops");
        node.registerApp("billing", "ops");
        for (String version : new String[] {"1.0.0", "1.1.0"}) {
          TestBundle bundle =
              TestBundle.empty()
                  .manifest("{\"name\":\"billing\",\"version\":\"" + version + "\",\"kind\":\"module\","
                      + "\"entry\":\"index.js\",\"routes\":[\"/billing\"]}")
                  .file("index.js", "export function mount() {}");
          team.put("/api/apps/billing/versions/" + version, bundle.zip(), "application/zip").expectStatus(201);
        }
        team.postJson("/api/environments/production/promote", "{\"app\":\"billing\",\"version\":\"1.0.0\"}")
            .expectStatus(200);
        String revision = node.anonymous().get("/billing").expectStatus(200).header("Pergola-Revision");
        BrowserSession alice = new BrowserSession(node.baseUrl());
        alice.signIn("/account", LoginServers.ALICE, LoginServers.ALICE_PASSWORD);
        node.anonymous().get("/assets/billing/1.0.0/index.js").expectStatus(200);

        cluster("stop");
        try {
          await(() -> node.anonymous().get("/actuator/health/readiness").status() == 503);

          assertThat(node.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
          TestHttp.Response page = node.anonymous().get("/billing").expectStatus(200);
          assertThat(page.header("Pergola-Revision")).isEqualTo(revision);
          assertThat(page.text()).contains("/assets/billing/1.0.0/index.js");
          node.anonymous().get("/assets/billing/1.0.0/index.js").expectStatus(200);
          assertThat(node.anonymous().get("/health").status()).isEqualTo(503);

          // A person signed in before keeps their pages: the node serves their session as it
          // last read it.
          HttpResponse<String> signedIn = alice.navigate("/billing");
          assertThat(signedIn.statusCode()).isEqualTo(200);
          assertThat(signedIn.body()).contains("\"user\":{\"sub\":\"alice\"");
          assertThat(BrowserSession.claims(alice.token(null)).get("sub").asString()).isEqualTo("alice");
          // What needs the database says so, and when to try again: a session this node has no
          // copy of, and a change to an environment.
          TestHttp.Response unknown =
              node.anonymous()
                  .header("Cookie", "PERGOLA_SESSION=" + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes()))
                  .header("Sec-Fetch-Mode", "navigate")
                  .get("/billing");
          assertThat(unknown.status()).isEqualTo(503);
          assertThat(unknown.header("Retry-After")).isEqualTo("5");
          assertThat(unknown.text()).contains("<h1>Temporarily unavailable</h1>").contains("cannot reach its database");
          JsonNode refused =
              team.postJson("/api/environments/production/promote", "{\"app\":\"billing\",\"version\":\"1.1.0\"}")
                  .expectProblem(503);
          assertThat(refused.get("type").asString()).isEqualTo("urn:pergola:problem:database-unavailable");
        } finally {
          cluster("start");
        }

        await(() -> node.anonymous().get("/health").status() == 200);
        assertThat(alice.navigate("/billing").body()).contains("\"user\":{\"sub\":\"alice\"");
        team.postJson("/api/environments/production/promote", "{\"app\":\"billing\",\"version\":\"1.1.0\"}")
            .expectStatus(200);
        assertThat(node.anonymous().get("/billing").text()).contains("/assets/billing/1.1.0/index.js");
      }
    }
  }

  private static void cluster(String action) throws Exception {
    List<String> command = new ArrayList<>(List.of("pg_ctlcluster"));
    command.addAll(List.of(CLUSTER.split(" ")));
    command.add(action);
    if (action.equals("stop")) {
      command.addAll(List.of("-m", "fast"));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    // Starting a running cluster, or stopping a stopped one, is fine: say so and go on.
    assertThat(exit == 0 || output.contains("already") || output.contains("not running"))
        .as("pg_ctlcluster %s: %s", action, output)
        .isTrue();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met in 30 s").isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
