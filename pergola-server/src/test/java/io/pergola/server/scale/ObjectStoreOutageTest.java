package io.pergola.server.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.S3ProxyServer;
import io.pergola.server.testkit.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The object store goes away: cached assets still serve, readiness tells, a publish is a 503 to
 * send again that leaves nothing behind (the same version publishes afterwards), and it recovers.
 */
class ObjectStoreOutageTest {

  @Test
  void aNodeServesCachedAssetsThroughAnObjectStoreOutageAndSaysItIsNotReady() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start("flaky");
        PergolaTestServer node =
            PergolaTestServer.start(
                PergolaTestServer.tempDir(),
                concat(s3.pergolaArgs("flaky"), "--management.endpoint.health.show-details=always"))) {
      TestHttp team = node.newTeam("ops");
      node.registerApp("billing", "ops");
      team.put("/api/apps/billing/versions/1.0.0", TestBundle.validModule("billing", "1.0.0").zip(), "application/zip")
          .expectStatus(201);
      String asset = node.anonymous().get("/assets/billing/1.0.0/index.js").expectStatus(200).text();

      s3.pause();
      try {
        await(() -> node.anonymous().get("/health").status() == 503, () -> node.anonymous().get("/actuator/health/readiness").text());
        assertThat(node.anonymous().get("/assets/billing/1.0.0/index.js").expectStatus(200).text()).isEqualTo(asset);
        assertThat(node.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        // A publish that cannot store its files says to send it again, and leaves nothing.
        JsonNode refused =
            team.put("/api/apps/billing/versions/1.0.1", TestBundle.validModule("billing", "1.0.1").zip(), "application/zip")
                .expectProblem(503);
        assertThat(refused.get("type").asString()).isEqualTo("urn:pergola:problem:object-store-unavailable");
      } finally {
        s3.resume();
      }

      await(() -> node.anonymous().get("/health").status() == 200, () -> node.anonymous().get("/actuator/health/readiness").text());
      team.put("/api/apps/billing/versions/1.0.1", TestBundle.validModule("billing", "1.0.1").zip(), "application/zip")
          .expectStatus(201);
    }
  }

  private static String[] concat(String[] args, String... more) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more)).toArray(String[]::new);
  }

  private static void await(BooleanSupplier condition, java.util.function.Supplier<String> state) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met in 30 s; readiness: %s", state.get()).isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
