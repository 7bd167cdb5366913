package io.pergola.e2e;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Publishes and deploys the test children under {@code src/test/resources/children/}. */
final class FixtureChildren {

  private FixtureChildren() {}

  /** Registers, publishes and promotes each child to production, in the order given. */
  static void deploy(PergolaTestServer server, String team, String... children) {
    TestHttp client = server.newTeam(team);
    for (String child : children) {
      server.registerApp(child, team);
      client.put("/api/apps/" + child + "/versions/1.0.0", bundle(child).zip(), "application/zip").expectStatus(201);
      client.postJson("/api/environments/production/promote", "{\"app\":\"" + child + "\",\"version\":\"1.0.0\"}")
          .expectStatus(200);
    }
  }

  private static TestBundle bundle(String child) {
    try {
      Path dir = Path.of(FixtureChildren.class.getResource("/children/" + child).toURI());
      TestBundle bundle = TestBundle.empty();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          bundle.file(file.getFileName().toString(), Files.readAllBytes(file));
        }
      }
      return bundle;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
