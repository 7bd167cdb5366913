package io.pergola.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.RegistrySnapshot;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every way a publish is refused: each answers a problem document saying what and where, and
 * leaves the registry exactly as it was (no version rows, no file rows, no blobs, no scratch).
 * Runs on a private server with small limits, so the limit cases stay fast.
 */
class PublishRefusalTest {

  private static PergolaTestServer server;
  private static TestHttp team;
  private static TestHttp otherTeam;
  private static final String APP = "refusals";

  @BeforeAll
  static void start() {
    server =
        PergolaTestServer.start(
            PergolaTestServer.tempDir(),
            "--pergola.registry.max-files=5",
            "--pergola.registry.max-file-size=2KB",
            "--pergola.registry.max-total-size=6KB",
            "--pergola.registry.max-upload-size=64KB",
            "--pergola.registry.max-compression-ratio=50");
    team = server.newTeam("owners");
    otherTeam = server.newTeam("others");
    server.registerApp(APP, "owners");
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server);
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("zip", (Function<TestBundle, byte[]>) TestBundle::zip),
        Arguments.of("tar.gz", (Function<TestBundle, byte[]>) TestBundle::tarGz));
  }

  /** Sends the archive, expects the problem, and checks that nothing changed. */
  private static JsonNode refused(TestHttp client, String version, byte[] archive, int status) {
    RegistrySnapshot before = RegistrySnapshot.of(server);

    JsonNode problem =
        client.put("/api/apps/" + APP + "/versions/" + version, archive, "application/octet-stream")
            .expectProblem(status);

    assertThat(RegistrySnapshot.of(server)).as("registry after refusal").isEqualTo(before);
    return problem;
  }

  private static JsonNode refused(byte[] archive, int status) {
    return refused(team, "1.0.0", archive, status);
  }

  private static TestBundle valid() {
    return TestBundle.validModule(APP, "1.0.0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void missingManifest(String format, Function<TestBundle, byte[]> pack) {
    JsonNode problem = refused(pack.apply(TestBundle.empty().file("index.js", "x")), 422);

    assertThat(problem.get("reason").asString()).isEqualTo("missing-manifest");
    assertThat(problem.get("detail").asString()).contains("pergola.json");
  }

  @Test
  void manifestThatIsNotJson() {
    JsonNode problem = refused(TestBundle.empty().manifest("{oops").file("index.js", "x").zip(), 422);

    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:invalid-manifest");
    assertThat(problem.get("violations").get(0).asString()).contains("line 1");
  }

  @Test
  void manifestBreakingTheSchema() {
    JsonNode problem =
        refused(
            TestBundle.empty()
                .manifest("{\"name\":\"" + APP + "\",\"version\":\"1.0.0\",\"kind\":\"widget\",\"entry\":\"index.js\"}")
                .file("index.js", "x")
                .zip(),
            422);

    assertThat(problem.get("violations").toString()).contains("/kind");
  }

  @Test
  void manifestWithAVersionThatIsNotSemVer() {
    JsonNode problem =
        refused(
            TestBundle.empty()
                .manifest("{\"name\":\"" + APP + "\",\"version\":\"1.0\",\"kind\":\"module\",\"entry\":\"index.js\"}")
                .file("index.js", "x")
                .zip(),
            422);

    assertThat(problem.get("violations").toString()).contains("/version");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void missingEntryFile(String format, Function<TestBundle, byte[]> pack) {
    JsonNode problem = refused(pack.apply(TestBundle.module(APP, "1.0.0").file("main.js", "x")), 422);

    assertThat(problem.get("reason").asString()).isEqualTo("missing-entry-file");
    assertThat(problem.get("entry").asString()).isEqualTo("index.js");
  }

  static Stream<Arguments> unsafePaths() {
    return Stream.of("../evil.js", "/etc/evil.js", "C:/evil.js", "a\\evil.js")
        .flatMap(path -> formats().map(f -> Arguments.of(f.get()[0], f.get()[1], path)));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("unsafePaths")
  void entryEscapingTheRoot(String format, Function<TestBundle, byte[]> pack, String path) {
    JsonNode problem = refused(pack.apply(valid().file(path, "x")), 422);

    assertThat(problem.get("reason").asString()).isEqualTo("unsafe-path");
    assertThat(problem.get("entry").asString()).isEqualTo(path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void symlink(String format, Function<TestBundle, byte[]> pack) {
    JsonNode problem = refused(pack.apply(valid().symlink("secrets.js", "/etc/shadow")), 422);

    assertThat(problem.get("reason").asString()).isEqualTo("link");
    assertThat(problem.get("entry").asString()).isEqualTo("secrets.js");
  }

  @Test
  void hardLink() {
    JsonNode problem = refused(valid().hardLink("copy.js", "index.js").tarGz(), 422);

    assertThat(problem.get("reason").asString()).isEqualTo("link");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void device(String format, Function<TestBundle, byte[]> pack) {
    JsonNode problem = refused(pack.apply(valid().device("tty")), 422);

    assertThat(problem.get("reason").asString()).isEqualTo("special-file");
    assertThat(problem.get("entry").asString()).isEqualTo("tty");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void duplicateEntry(String format, Function<TestBundle, byte[]> pack) {
    JsonNode problem = refused(pack.apply(valid().file("index.js", "again")), 422);

    assertThat(problem.get("reason").asString()).isEqualTo("duplicate-entry");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void nameThatIsNotUtf8(String format, Function<TestBundle, byte[]> pack) {
    JsonNode problem = refused(pack.apply(valid().file("na\u00efve.js", "x")), 422);

    assertThat(problem.get("reason").asString()).isEqualTo("invalid-name-encoding");
    assertThat(problem.get("entry").asString()).isEqualTo("na\\xEFve.js");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void tooManyFiles(String format, Function<TestBundle, byte[]> pack) {
    TestBundle bundle = valid();
    for (int i = 0; i < 5; i++) {
      bundle.file("f" + i + ".js", "x");
    }

    JsonNode problem = refused(pack.apply(bundle), 413);

    assertThat(problem.get("reason").asString()).isEqualTo("too-many-files");
    assertThat(problem.get("limit").asLong()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void fileTooLarge(String format, Function<TestBundle, byte[]> pack) {
    JsonNode problem = refused(pack.apply(valid().file("big.js", "x".repeat(2049))), 413);

    assertThat(problem.get("reason").asString()).isEqualTo("file-too-large");
    assertThat(problem.get("entry").asString()).isEqualTo("big.js");
    assertThat(problem.get("limit").asLong()).isEqualTo(2048);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void bundleTooLarge(String format, Function<TestBundle, byte[]> pack) {
    TestBundle bundle = valid();
    for (int i = 0; i < 3; i++) {
      bundle.file("part" + i + ".js", ("// " + i).repeat(700).substring(0, 2040));
    }

    JsonNode problem = refused(pack.apply(bundle), 413);

    assertThat(problem.get("reason").asString()).isEqualTo("archive-too-large");
    assertThat(problem.get("limit").asLong()).isEqualTo(6144);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void zipBomb(String format, Function<TestBundle, byte[]> pack) {
    // The shared server's 2 KB file limit would stop the bomb first; this one has room for it.
    try (PergolaTestServer generous =
        PergolaTestServer.start(
            PergolaTestServer.tempDir(), "--pergola.registry.max-compression-ratio=50")) {
      TestHttp owner = generous.newTeam("bombers");
      generous.registerApp(APP, "bombers");
      RegistrySnapshot before = RegistrySnapshot.of(generous);

      JsonNode problem =
          owner.put("/api/apps/" + APP + "/versions/1.0.0", pack.apply(valid().file("bomb.bin", new byte[6 << 20])), "application/zip")
              .expectProblem(413);

      assertThat(problem.get("reason").asString()).isEqualTo("compression-ratio");
      assertThat(problem.get("limit").asLong()).isEqualTo(50);
      assertThat(RegistrySnapshot.of(generous)).isEqualTo(before);
    }
  }

  @Test
  void uploadLargerThanTheLimit() {
    JsonNode problem = refused(new byte[65 * 1024 + 1], 413);

    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:upload-too-large");
    assertThat(problem.get("limit").asLong()).isEqualTo(65536);
  }

  @Test
  void somethingThatIsNotAnArchive() {
    JsonNode problem = refused("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), 422);

    assertThat(problem.get("reason").asString()).isEqualTo("not-an-archive");
  }

  @Test
  void manifestNamingAnotherVersionThanTheUrl() {
    JsonNode problem = refused(team, "1.0.1", valid().zip(), 422);

    assertThat(problem.get("detail").asString()).contains("1.0.1").contains("1.0.0");
  }

  @Test
  void versionInTheUrlThatIsNotSemVer() {
    JsonNode problem = refused(team, "latest", valid().zip(), 400);

    assertThat(problem.get("detail").asString()).contains("\"latest\"");
  }

  @Test
  void teamPublishingAnotherTeamsApp() {
    JsonNode problem = refused(otherTeam, "1.0.0", valid().zip(), 403);

    assertThat(problem.get("detail").asString()).contains("owners");
  }

  @Test
  void publishingWithoutAToken() {
    refused(server.anonymous(), "1.0.0", valid().zip(), 401);
  }

  @Test
  void publishingAnUnregisteredApp() {
    RegistrySnapshot before = RegistrySnapshot.of(server);

    JsonNode problem =
        team.put("/api/apps/nobody/versions/1.0.0", TestBundle.validModule("nobody", "1.0.0").zip(), "application/zip")
            .expectProblem(404);

    assertThat(problem.get("detail").asString()).contains("not registered");
    assertThat(RegistrySnapshot.of(server)).isEqualTo(before);
  }
}
