package io.pergola.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pergola.server.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Keycloak on loopback, from its distribution on Maven Central (unpacked into {@code
 * target/keycloak} by the {@code keycloak} Maven profile), in development mode with the realm
 * in {@code src/test/resources/keycloak/pergola-realm.json} imported at start.
 */
final class KeycloakServer implements AutoCloseable {

  static final Path HOME = Path.of("target", "keycloak").toAbsolutePath();
  static final String REALM = "pergola";

  private final Process process;
  private final URI issuer;
  private final Path log;

  private KeycloakServer(Process process, URI issuer, Path log) {
    this.process = process;
    this.issuer = issuer;
    this.log = log;
  }

  /** Starts Keycloak; skips the calling test (or fails in CI) when the distribution is missing. */
  static KeycloakServer start() throws IOException, InterruptedException {
    Path dist = distribution();
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (dist == null && ci && Boolean.getBoolean("pergola.keycloak")) {
      throw new IllegalStateException("The keycloak profile is on but " + HOME + " holds no Keycloak distribution");
    }
    assumeTrue(dist != null, "Keycloak's distribution is not unpacked: run with -Pkeycloak (.ci/run does)");
    // A fresh development database each run, so the realm is imported anew.
    deleteTree(dist.resolve("data"));
    Path imports = Files.createDirectories(dist.resolve("data").resolve("import"));
    try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/pergola-realm.json")) {
      Files.copy(realm, imports.resolve("pergola-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }
    int port = LoopbackPorts.free();
    Path log = dist.resolve("keycloak-test.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                dist.resolve("bin").resolve("kc.sh").toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + LoopbackPorts.free(),
                "--hostname-strict=false")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JAVA_OPTS_APPEND", "-Xmx768m");
    Process process = builder.start();
    KeycloakServer keycloak = new KeycloakServer(process, URI.create("http://127.0.0.1:" + port + "/realms/" + REALM), log);
    keycloak.awaitReady();
    return keycloak;
  }

  URI issuer() {
    return issuer;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<Void> discovery =
            http.send(
                HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (discovery.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("Keycloak was not ready within 4 minutes:\n" + Files.readString(log));
  }

  private static Path distribution() throws IOException {
    if (!Files.isDirectory(HOME)) {
      return null;
    }
    try (Stream<Path> entries = Files.list(HOME)) {
      return entries.filter(dir -> Files.isRegularFile(dir.resolve("bin").resolve("kc.sh"))).findFirst().orElse(null);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
