package io.pergola.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.ServerProcess;
import io.pergola.server.testkit.TestHttp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Kills the server (SIGKILL) in the middle of publishes, at different moments, restarts it on the
 * same data, and checks each version is there whole or not at all, with nothing left behind.
 */
class PublishCrashTest {

  private static final String APP = "crashy";
  private static final int FILES = 150;
  /** When the kill lands, as fractions of how long an uninterrupted publish takes here. */
  private static final double[] KILL_AT = {0.0, 0.3, 0.6, 0.8, 0.9, 1.0, 1.2};

  @Test
  void aKilledPublishLeavesTheWholeVersionOrNoneOfIt() throws Exception {
    Path dataDir = PergolaTestServer.tempDir();
    try (ServerProcess server = ServerProcess.start(dataDir, "--pergola.registry.orphan-grace=0s")) {
      server.admin().postJson("/api/teams", "{\"name\":\"crashers\"}").expectStatus(201);
      server.admin().postJson("/api/apps", "{\"name\":\"" + APP + "\",\"team\":\"crashers\"}").expectStatus(201);
      long publishMillis = timeOneUninterruptedPublish(server);
      StringBuilder outcomes = new StringBuilder();
      for (int round = 0; round < KILL_AT.length; round++) {
        long killAfter = Math.round(KILL_AT[round] * publishMillis);
        String version = "1.0." + round;
        Map<String, byte[]> files = files(version);

        HttpClient http = HttpClient.newHttpClient();
        var publishing =
            http.sendAsync(
                HttpRequest.newBuilder(server.baseUrl().resolve("/api/apps/" + APP + "/versions/" + version))
                    .header("Authorization", "Bearer " + PergolaTestServer.ADMIN_TOKEN)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bundle(version, files)))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        // The variable of this experiment is when the kill lands, so here a sleep is the point.
        Thread.sleep(killAfter);
        server.kill();
        publishing.handle((response, failure) -> null).join();
        server.restart();

        boolean whole = isWhole(server, version, files);
        if (!whole) {
          assertNothingLeftOf(dataDir, files);
        }
        outcomes.append(killAfter).append(" ms: ").append(whole ? "whole" : "absent").append("; ");
        assertThat(scratch(dataDir)).as("scratch after restart").isEmpty();
      }
      System.out.println(
          "Publish takes " + publishMillis + " ms; crash rounds (kill after): " + outcomes);
    }
  }

  private static long timeOneUninterruptedPublish(ServerProcess server) {
    String version = "0.9.0";
    long start = System.nanoTime();
    server
        .admin()
        .put("/api/apps/" + APP + "/versions/" + version, bundle(version, files(version)), "application/gzip")
        .expectStatus(201);
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** True when the version is listed and every file serves its bytes; fails if only part is. */
  private static boolean isWhole(ServerProcess server, String version, Map<String, byte[]> files) throws Exception {
    TestHttp.Response found = server.admin().get("/api/apps/" + APP + "/versions/" + version);
    if (found.status() == 404) {
      return false;
    }
    JsonNode body = found.expectStatus(200).json();
    assertThat(body.get("fileCount").asInt()).isEqualTo(files.size() + 1);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      TestHttp.Response served =
          new TestHttp(server.baseUrl(), null).get("/assets/" + APP + "/" + version + "/" + file.getKey()).expectStatus(200);
      assertThat(served.bytes()).isEqualTo(file.getValue());
    }
    return true;
  }

  /** After the start-up sweep (grace 0), no blob of the lost version's files remains. */
  private static void assertNothingLeftOf(Path dataDir, Map<String, byte[]> files) throws Exception {
    Set<String> stored = new HashSet<>();
    try (Stream<Path> blobs = Files.walk(dataDir.resolve("blobs"))) {
      blobs.filter(Files::isRegularFile).forEach(path -> stored.add(path.getFileName().toString()));
    }
    for (byte[] content : files.values()) {
      assertThat(stored).doesNotContain(sha256(content));
    }
  }

  private static Set<String> scratch(Path dataDir) throws Exception {
    Path work = dataDir.resolve("work");
    if (!Files.exists(work)) {
      return Set.of();
    }
    try (Stream<Path> leftovers = Files.list(work)) {
      return leftovers.map(Path::toString).collect(java.util.stream.Collectors.toSet());
    }
  }

  /** Many files unique to this version, big enough that compressing them takes a while. */
  private static Map<String, byte[]> files(String version) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < FILES; i++) {
      StringBuilder js = new StringBuilder();
      for (int line = 0; line < 200; line++) {
        js.append("export const v").append(line).append(" = '").append(version).append('-').append(i).append('-')
            .append(Base64.getEncoder().encodeToString(("" + (i * 7919L + line * 104729L)).getBytes(StandardCharsets.UTF_8)))
            .append("';\n");
      }
      files.put("chunks/chunk-" + i + ".js", js.toString().getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private static byte[] bundle(String version, Map<String, byte[]> files) {
    TestBundle bundle =
        TestBundle.empty()
            .manifest("{\"name\":\"" + APP + "\",\"version\":\"" + version + "\",\"kind\":\"module\",\"entry\":\"chunks/chunk-0.js\"}");
    files.forEach(bundle::file);
    return bundle.tarGz();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
