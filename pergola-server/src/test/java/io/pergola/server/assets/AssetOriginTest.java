package io.pergola.server.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssetOriginTest {

  private static PergolaTestServer server;
  private static final String SCRIPT = "export function mount(element) { element.textContent = 'hello'; }\n".repeat(40);
  private static String app;
  private static String base;

  @BeforeAll
  static void publish() {
    // Here, not in a static initializer: a backend run without its PostgreSQL is then skipped
    // (the test kit's assumption), not failed with an ExceptionInInitializerError.
    server = PergolaTestServer.shared();
    String team = PergolaTestServer.unique("team");
    TestHttp client = server.newTeam(team);
    app = PergolaTestServer.unique("assets");
    server.registerApp(app, team);
    byte[] bundle =
        TestBundle.module(app, "1.0.0")
            .file("index.js", SCRIPT)
            .file("lib/util.mjs", "export const x = 1;")
            .file("styles/app.css", "body { color: red }")
            .file("data.json", "{}")
            .file("module.wasm", new byte[] {0, 'a', 's', 'm'})
            .file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
            .file("font.woff2", new byte[] {1, 2, 3})
            .file("index.js.map", "{\"version\":3}")
            .file("name with space.js", "1")
            .zip();
    client.put("/api/apps/" + app + "/versions/1.0.0", bundle, "application/zip").expectStatus(201);
    base = "/assets/" + app + "/1.0.0/";
  }

  private static TestHttp http() {
    return server.anonymous();
  }

  @ParameterizedTest
  @CsvSource({
    "index.js, text/javascript; charset=utf-8",
    "lib/util.mjs, text/javascript; charset=utf-8",
    "styles/app.css, text/css; charset=utf-8",
    "data.json, application/json",
    "module.wasm, application/wasm",
    "logo.svg, image/svg+xml",
    "font.woff2, font/woff2",
    "index.js.map, application/json",
  })
  void servesEachFileWithItsMediaType(String path, String contentType) {
    TestHttp.Response response = http().get(base + path).expectStatus(200);

    // Spaces around ";" are optional in a media type; compare without them.
    assertThat(response.header("Content-Type")).isEqualToIgnoringWhitespace(contentType);
  }

  @Test
  void servesImmutableCacheableFilesWithStrongETags() throws Exception {
    TestHttp.Response response = http().get(base + "index.js").expectStatus(200);

    assertThat(response.text()).isEqualTo(SCRIPT);
    assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    // The first 128 bits of the file's SHA-256, base64url, quoted.
    byte[] sha256 = HexFormat.of().parseHex(sha256(SCRIPT.getBytes(StandardCharsets.UTF_8)));
    assertThat(response.header("ETag"))
        .isEqualTo("\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256, 16)) + "\"");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Vary")).contains("Accept-Encoding");
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(SCRIPT.length()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%s", "\"other\", %s", "W/%s", "*"})
  void answersNotModifiedWhenTheETagMatches(String ifNoneMatch) {
    String etag = http().get(base + "index.js").header("ETag");

    TestHttp.Response response =
        http().header("If-None-Match", ifNoneMatch.formatted(etag)).get(base + "index.js").expectStatus(304);

    assertThat(response.bytes()).isEmpty();
    assertThat(response.header("ETag")).isEqualTo(etag);
  }

  @Test
  void servesTheFileWhenTheETagDiffers() {
    http().header("If-None-Match", "\"something-else\"").get(base + "index.js").expectStatus(200);
  }

  @Test
  void negotiatesBrotliThenGzipThenIdentity() throws Exception {
    TestHttp.Response brotli = http().header("Accept-Encoding", "gzip, deflate, br").get(base + "index.js");
    TestHttp.Response gzip = http().header("Accept-Encoding", "gzip").get(base + "index.js");
    TestHttp.Response refusedBrotli = http().header("Accept-Encoding", "br;q=0, gzip;q=0.5").get(base + "index.js");
    TestHttp.Response identity = http().header("Accept-Encoding", "identity").get(base + "index.js");

    assertThat(brotli.header("Content-Encoding")).isEqualTo("br");
    assertThat(brotli.bytes().length).isLessThan(SCRIPT.length());
    assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(new String(gunzip(gzip.bytes()), StandardCharsets.UTF_8)).isEqualTo(SCRIPT);
    assertThat(refusedBrotli.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(identity.header("Content-Encoding")).isNull();
    assertThat(identity.text()).isEqualTo(SCRIPT);
    assertThat(brotli.header("ETag")).isNotEqualTo(gzip.header("ETag")).isNotEqualTo(identity.header("ETag"));
  }

  @Test
  void headAnswersTheHeadersWithoutTheBody() {
    TestHttp.Response response = http().head(base + "index.js").expectStatus(200);

    assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(SCRIPT.length()));
    assertThat(response.bytes()).isEmpty();
  }

  @Test
  void answersCorsPreflight() {
    TestHttp.Response response =
        http()
            .header("Origin", "https://shell.example")
            .header("Access-Control-Request-Method", "GET")
            .send("OPTIONS", base + "index.js")
            .expectStatus(204);

    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(response.header("Access-Control-Allow-Methods")).contains("GET");
  }

  @Test
  void decodesPercentEscapesOnce() {
    http().get(base + "name%20with%20space.js").expectStatus(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nope.js", "lib/", "lib/%2e%2e/index.js", "./index.js"})
  void unknownOrCraftedPathsAreNotFoundProblems(String path) {
    var problem = http().get(base + path).expectProblem(404);

    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:not-found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lib/..%2Findex.js", "lib/%5cindex.js", "index.js%00"})
  void encodedSlashesAndNulsAreRefusedBeforeReachingTheOrigin(String path) {
    // Tomcat rejects encoded slashes, backslashes and NULs itself, before the origin sees them.
    var problem = http().get(base + path).expectProblem(400);

    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:malformed-url");
  }

  @Test
  void unknownVersionAndAppAreNotFoundProblemsSayingWhich() {
    var version = http().get("/assets/" + app + "/9.9.9/index.js").expectProblem(404);
    var unknownApp = http().get("/assets/no-such-app/1.0.0/index.js").expectProblem(404);

    assertThat(version.get("detail").asString()).contains("9.9.9");
    assertThat(unknownApp.get("detail").asString()).contains("no-such-app");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/assets", "/assets/", "/assets/" + "only-an-app", "/x/../assets/a/1.0.0/b.js"})
  void everyPathUnderTheAssetPrefixIsTheOriginsToAnswer(String path) {
    var problem = http().get(path).expectProblem(404);

    assertThat(problem.get("type").asString()).isEqualTo("urn:pergola:problem:not-found");
  }

  @Test
  void otherMethodsAreRefusedWithAllow() {
    TestHttp.Response response = http().send("DELETE", base + "index.js");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).contains("GET");
  }

  @Test
  void securityFiltersAreNotInvolved() {
    // A bearer token the API would refuse: the origin never looks at it.
    http().header("Authorization", "Bearer garbage").get(base + "index.js").expectStatus(200);
  }

  @Test
  void versionPublishedAfterAMissIsServedAtOnce() {
    String team = PergolaTestServer.unique("team");
    TestHttp client = server.newTeam(team);
    String fresh = PergolaTestServer.unique("fresh");
    server.registerApp(fresh, team);
    http().get("/assets/" + fresh + "/1.0.0/index.js").expectProblem(404);

    client.put("/api/apps/" + fresh + "/versions/1.0.0", TestBundle.validModule(fresh, "1.0.0").zip(), "application/zip")
        .expectStatus(201);

    http().get("/assets/" + fresh + "/1.0.0/index.js").expectStatus(200);
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
