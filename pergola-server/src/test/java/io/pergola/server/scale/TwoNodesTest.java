package io.pergola.server.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.BrowserSession;
import io.pergola.server.testkit.LoginServers;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.PostgresDatabases;
import io.pergola.server.testkit.S3ProxyServer;
import io.pergola.server.testkit.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two stateless nodes on one PostgreSQL database and one S3 bucket, as behind a load balancer:
 * what one node publishes, the other serves; what one deploys, both show within a second; whom
 * one signs in, the other knows.
 */
class TwoNodesTest {

  @Test
  void aSignedInVisitorKeepsTheSessionOnTheOtherNode() throws Exception {
    List<String> shared = new ArrayList<>(List.of(PostgresDatabases.freshDatabaseArgs()));
    shared.addAll(LoginServers.embeddedArgs());
    try (PergolaTestServer a = PergolaTestServer.start(PergolaTestServer.tempDir(), shared.toArray(String[]::new));
        PergolaTestServer b = PergolaTestServer.start(PergolaTestServer.tempDir(), shared.toArray(String[]::new))) {
      LoginServers.deployChild(a, a.newTeam("billing"), "billing", "billing", "/billing", "billing-api");
      BrowserSession onA = new BrowserSession(a.baseUrl());
      onA.signIn("/billing", LoginServers.ALICE, LoginServers.ALICE_PASSWORD);

      BrowserSession onB = onA.at(b.baseUrl());
      var page = onB.get("/billing/invoices/7");

      assertThat(page.uri().toString()).isEqualTo(b.baseUrl() + "/billing/invoices/7"); // no sign-in again
      assertThat(page.body()).contains("\"sub\":\"alice\"");
      assertThat(BrowserSession.claims(onB.token("billing")).get("sub").asString()).isEqualTo("alice");
    }
  }

  @Test
  void publishOnOneNodeDeployOnTheOtherAndBothServeTheNewRevisionWithinASecond() throws Exception {
    List<String> shared = new ArrayList<>(List.of(PostgresDatabases.freshDatabaseArgs()));
    try (S3ProxyServer s3 = S3ProxyServer.start("nodes")) {
      shared.addAll(List.of(s3.pergolaArgs("nodes")));
      try (PergolaTestServer a = PergolaTestServer.start(PergolaTestServer.tempDir(), shared.toArray(String[]::new));
          PergolaTestServer b = PergolaTestServer.start(PergolaTestServer.tempDir(), shared.toArray(String[]::new))) {
        TestHttp teamOnA = a.newTeam("scale");
        a.registerApp("billing", "scale");
        TestHttp teamOnB = b.withToken(bearerOf(teamOnA));

        teamOnA.put("/api/apps/billing/versions/1.0.0", TestBundle.validModule("billing", "1.0.0").zip(), "application/zip")
            .expectStatus(201);
        teamOnA.put("/api/apps/billing/versions/1.1.0", TestBundle.validModule("billing", "1.1.0").zip(), "application/zip")
            .expectStatus(201);
        b.anonymous().get("/assets/billing/1.0.0/index.js").expectStatus(200);
        teamOnB.postJson("/api/environments/production/promote", "{\"app\":\"billing\",\"version\":\"1.0.0\"}")
            .expectStatus(200);
        awaitEntry(List.of(a, b), "/assets/billing/1.0.0/index.js");

        Instant promoted = Instant.now();
        teamOnB.postJson("/api/environments/production/promote", "{\"app\":\"billing\",\"version\":\"1.1.0\"}")
            .expectStatus(200);

        awaitEntry(List.of(a, b), "/assets/billing/1.1.0/index.js");
        assertThat(Duration.between(promoted, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertThat(a.anonymous().get("/").header("Pergola-Revision"))
            .isEqualTo(b.anonymous().get("/").header("Pergola-Revision"));

        // Nothing about a visitor lives on a node: the canary choice a visitor got on one node,
        // through its subject cookie, is the one it gets on the other.
        teamOnA.put("/api/apps/billing/versions/2.0.0", TestBundle.validModule("billing", "2.0.0").zip(), "application/zip")
            .expectStatus(201);
        teamOnA.postJson("/api/environments/production/canary", "{\"app\":\"billing\",\"version\":\"2.0.0\",\"percent\":50}")
            .expectStatus(200);
        awaitCanary(List.of(a, b));
        for (int visitor = 0; visitor < 20; visitor++) {
          TestHttp.Response onA = a.anonymous().get("/");
          String cookie = onA.header("Set-Cookie").split(";")[0];
          assertThat(shellEntry(b.anonymous().header("Cookie", cookie).get("/").text()))
              .isEqualTo(shellEntry(onA.text()));
        }
      }
    }
  }

  /** Polls both nodes' import maps until each names {@code entry}, for at most a second. */
  private static void awaitEntry(List<PergolaTestServer> nodes, String entry) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(1));
    for (PergolaTestServer node : nodes) {
      while (!entryOf(node).equals(entry)) {
        assertThat(Instant.now()).as("node %s still serves %s", node.baseUrl(), entryOf(node)).isBefore(deadline);
        Thread.sleep(20);
      }
    }
  }

  private static void awaitCanary(List<PergolaTestServer> nodes) throws InterruptedException {
    for (PergolaTestServer node : nodes) {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(1));
      while (!node.admin().get("/api/environments/production").json().toString().contains("\"percent\":50")) {
        assertThat(Instant.now()).isBefore(deadline);
        Thread.sleep(20);
      }
    }
  }

  private static String shellEntry(String html) {
    int start = html.indexOf("\"billing\":\"") + "\"billing\":\"".length();
    return html.substring(start, html.indexOf('"', start));
  }

  private static String entryOf(PergolaTestServer node) {
    var imports = node.anonymous().get("/api/environments/production/importmap.json").json().get("imports");
    return imports.has("billing") ? imports.get("billing").asString() : "";
  }

  private static String bearerOf(TestHttp client) {
    return client.token();
  }
}
