package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shell page through real HTTP, on a private server whose production environment it owns. */
class ShellPageTest {

  private static PergolaTestServer server;
  private static TestHttp team;

  @BeforeAll
  static void deploy() {
    server =
        PergolaTestServer.start(
            PergolaTestServer.tempDir(),
            "--pergola.shell.layouts.production.title=Test <Shell>",
            "--pergola.shell.layouts.production.slots.header=top",
            "--pergola.shell.layouts.production.stylesheets[0]=top/site.css",
            "--pergola.shell.layouts.production.connect-src[0]=https://api.example.com");
    team = server.newTeam("shellers");
    for (String app : new String[] {"top", "billing"}) {
      server.registerApp(app, "shellers");
    }
    publish("top", "1.0.0", "{\"name\":\"top\",\"version\":\"1.0.0\",\"kind\":\"web-component\",\"entry\":\"top.js\",\"element\":\"x-top\"}", "top.js");
    publish("billing", "1.0.0", "{\"name\":\"billing\",\"version\":\"1.0.0\",\"kind\":\"module\",\"entry\":\"index.js\",\"routes\":[\"/billing\"]}", "index.js");
    publish("billing", "2.0.0", "{\"name\":\"billing\",\"version\":\"2.0.0\",\"kind\":\"module\",\"entry\":\"index.js\",\"routes\":[\"/billing\"]}", "index.js");
    promote("top", "1.0.0");
    promote("billing", "1.0.0");
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server);
  }

  private static void publish(String app, String version, String manifest, String entry) {
    TestBundle bundle = TestBundle.empty().manifest(manifest).file(entry, "export function mount() {}").file("site.css", "body{}");
    team.put("/api/apps/" + app + "/versions/" + version, bundle.zip(), "application/zip").expectStatus(201);
  }

  private static JsonNode promote(String app, String version) {
    return team.postJson("/api/environments/production/promote", "{\"app\":\"" + app + "\",\"version\":\"" + version + "\"}")
        .expectStatus(200)
        .json();
  }

  private static JsonNode config(String html) {
    Matcher matcher = Pattern.compile("<script type=\"application/json\" id=\"pergola-config\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(matcher.find()).isTrue();
    return JsonMapper.builder().build().readTree(matcher.group(1));
  }

  /**
   * The response's CSP nonce, which the page's module hints carry too: Chromium's preload scanner
   * passes over a hint without it under the page's nonce-based policy.
   */
  private static String nonceOf(TestHttp.Response page) {
    Matcher matcher = Pattern.compile("'nonce-([^']+)'").matcher(page.header("Content-Security-Policy"));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static JsonNode importMap(String html) {
    Matcher matcher = Pattern.compile("<script type=\"importmap\" nonce=\"[^\"]+\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(matcher.find()).isTrue();
    return JsonMapper.builder().build().readTree(matcher.group(1));
  }

  @Test
  void deepLinkGetsThePageWithTheRevisionsImportMapRoutesAndSlots() {
    TestHttp.Response page = server.anonymous().get("/billing/invoices/42").expectStatus(200);

    String html = page.text();
    String nonce = nonceOf(page);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(html).contains("<title>Test &lt;Shell&gt;</title>");
    assertThat(html).contains("<link rel=\"stylesheet\" href=\"/assets/top/1.0.0/site.css\">");
    // No icon in the layout: one declared empty, so the browser asks for no /favicon.ico.
    assertThat(html).contains("<link rel=\"icon\" href=\"data:,\">");
    assertThat(html).contains("<div id=\"pergola-slot-header\"></div>").contains("<main id=\"pergola-outlet\"></main>");
    JsonNode map = importMap(html);
    assertThat(map.get("imports").get("billing").asString()).isEqualTo("/assets/billing/1.0.0/index.js");
    assertThat(map.get("integrity").get("/assets/billing/1.0.0/index.js").asString()).startsWith("sha384-");
    JsonNode config = config(html);
    assertThat(config.get("environment").asString()).isEqualTo("production");
    assertThat(config.get("revision").asLong()).isEqualTo(Long.parseLong(page.header("Pergola-Revision")));
    assertThat(config.get("apps").get("top").get("element").asString()).isEqualTo("x-top");
    // What a kind does not use is left out, not written as null.
    assertThat(config.get("apps").get("billing").has("element")).isFalse();
    assertThat(config.get("apps").get("top").has("exposes")).isFalse();
    assertThat(config.get("routes").get(0).get("path").asString()).isEqualTo("/billing");
    assertThat(config.get("slots").get(0).get("target").asString()).isEqualTo("#pergola-slot-header");
    assertThat(html).contains("<link rel=\"modulepreload\" fetchpriority=\"high\" nonce=\"" + nonce + "\" href=\"/assets/billing/1.0.0/index.js\" integrity=\"sha384-");
    // The runtime runs as soon as it arrives (async), after the slots and outlet it looks up.
    assertThat(html).containsPattern(
        "<main id=\"pergola-outlet\"></main>\n<script type=\"module\" async fetchpriority=\"high\" nonce=\"[^\"]+\" src=\"/pergola/runtime/[0-9a-f]{16}/pergola.js\"></script>\n</body>");
    // The runtime, and its adapters for the kinds on show (the header's web component, billing's
    // module) beside it rather than after it: as one file, which the import map puts in place of
    // each adapter's own, so the runtime's import of either gets it.
    assertThat(html).containsPattern("<link rel=\"modulepreload\" fetchpriority=\"high\" nonce=\"" + nonce + "\" href=\"/pergola/runtime/[0-9a-f]{16}/pergola.js\">");
    String runtimeUrl = prefixOfRuntime(html);
    String adapters = runtimeUrl + "module-kind_web-component-kind.js";
    assertThat(html).contains("<link rel=\"modulepreload\" fetchpriority=\"high\" nonce=\"" + nonce + "\" href=\"" + adapters + "\">");
    assertThat(html).doesNotContain("href=\"" + runtimeUrl + "web-component-kind.js\"");
    assertThat(map.get("imports").get(runtimeUrl + "web-component-kind.js").asString()).isEqualTo(adapters);
    assertThat(map.get("imports").get(runtimeUrl + "module-kind.js").asString()).isEqualTo(adapters);
    TestHttp.Response combined = server.anonymous().get(adapters).expectStatus(200);
    assertThat(combined.text()).contains("[\"web-component\"]=").contains(".module=");
    // Its source map is an index map: each member's own map, at the line the member starts.
    JsonNode sourceMap = JsonMapper.builder().build().readTree(
        server.anonymous().get(runtimeUrl + combined.header("SourceMap")).expectStatus(200).text());
    assertThat(sourceMap.get("sections")).hasSize(2);
    assertThat(sourceMap.get("sections").get(1).get("offset").get("line").asInt()).isEqualTo(2);
    assertThat(sourceMap.get("sections").get(1).get("map").get("sources").toString()).contains("web-component-kind.js");
  }

  @Test
  void aPageShowingChildrenOfOneKindLoadsThatKindsAdapterAlone() {
    TestHttp.Response page = server.anonymous().get("/").expectStatus(200);

    String html = page.text();
    String nonce = nonceOf(page);
    String runtimeUrl = prefixOfRuntime(html);
    assertThat(html).contains("<link rel=\"modulepreload\" fetchpriority=\"high\" nonce=\"" + nonce + "\" href=\"" + runtimeUrl + "web-component-kind.js\">");
    assertThat(importMap(html).get("imports").has(runtimeUrl + "web-component-kind.js")).isFalse();
  }

  /** Where the page's runtime files are served, e.g. {@code /pergola/runtime/3fa2…/}. */
  private static String prefixOfRuntime(String html) {
    Matcher matcher = Pattern.compile("src=\"(/pergola/runtime/[0-9a-f]{16}/)pergola.js\"").matcher(html);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  @Test
  void theCodeOfOtherRoutesChildrenIsPreloadedOnceThePageHasLoaded() {
    String home = server.anonymous().get("/").expectStatus(200).text();
    String billing = server.anonymous().get("/billing").expectStatus(200).text();

    // At /, billing is on no view: its code and its kind's adapter are preloaded, after the
    // page's load event, by a script carrying the response's nonce.
    Matcher prefetch =
        Pattern.compile("<script nonce=\"[^\"]+\">addEventListener\\(\"load\",.*?for\\(const href of (\\[.*?\\])\\)").matcher(home);
    assertThat(prefetch.find()).isTrue();
    assertThat(prefetch.group(1))
        .contains("\"/assets/billing/1.0.0/index.js\"")
        .containsPattern("\"/pergola/runtime/[0-9a-f]{16}/module-kind.js\"")
        .doesNotContain("/assets/top/"); // the header's slot is on every view: preloaded instead
    assertThat(home).containsPattern("rel:\"modulepreload\",href,crossOrigin:\"\"");
    // At /billing every child is on the view already: nothing is left to prefetch.
    assertThat(billing).doesNotContain("addEventListener(\"load\"");
  }

  @Test
  void thePageIsBrotliCompressedForBrowsersThatAcceptItAndGzippedForOthers() throws Exception {
    TestHttp.Response plain = server.anonymous().get("/billing").expectStatus(200);
    TestHttp.Response brotli = server.anonymous().header("Accept-Encoding", "gzip, deflate, br, zstd").get("/billing").expectStatus(200);
    TestHttp.Response gzipped = server.anonymous().header("Accept-Encoding", "gzip, deflate").get("/billing").expectStatus(200);

    assertThat(plain.header("Content-Encoding")).isNull();
    assertThat(brotli.header("Content-Encoding")).isEqualTo("br");
    assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(brotli.header("Vary")).contains("Accept-Encoding");
    assertThat(brotli.bytes().length).isLessThan(gzipped.bytes().length);
    assertThat(gzipped.bytes().length).isLessThan(plain.bytes().length);
    String fromBrotli = new String(Decoder.decompress(brotli.bytes()).getDecompressedData(), StandardCharsets.UTF_8);
    String fromGzip;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.bytes()))) {
      fromGzip = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The same page, each with its response's own nonce.
    assertThat(fromBrotli.replace(nonceOf(brotli), "n")).isEqualTo(plain.text().replace(nonceOf(plain), "n"));
    assertThat(fromGzip.replace(nonceOf(gzipped), "n")).isEqualTo(plain.text().replace(nonceOf(plain), "n"));
  }

  @Test
  void everyResponseHasAFreshNonceInAStrictCsp() {
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      TestHttp.Response page = server.anonymous().get("/");
      String csp = page.header("Content-Security-Policy");
      String nonce = nonceOf(page);
      assertThat(csp).contains("script-src 'nonce-").doesNotContain("unsafe-inline' 'strict").doesNotContain("script-src 'unsafe-inline'");
      assertThat(csp).contains("connect-src 'self' https://api.example.com;"); // the layout's team APIs
      assertThat(page.text()).contains("nonce=\"" + nonce + "\"");
      nonces.add(nonce);
      assertThat(page.header("Cache-Control")).isEqualTo("no-store");
      // Framing as the policy's frame-ancestors 'self' allows it, in the older header too.
      assertThat(csp).endsWith("frame-ancestors 'self'");
      assertThat(page.raw().headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
    }
    assertThat(nonces).hasSize(5);
  }

  @Test
  void unknownPathsGetTheShellWith404AndServerPathsAreLeftAlone() {
    TestHttp.Response unknown = server.anonymous().get("/no/such/place");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text()).contains("id=\"pergola-config\"");
    server.anonymous().get("/api/apps").expectProblem(401);
    server.anonymous().get("/health").expectStatus(200);
  }

  @Test
  void aNewRevisionShowsOnTheNextPageLoad() {
    promote("billing", "2.0.0");
    try {
      assertThat(importMap(server.anonymous().get("/billing").text()).get("imports").get("billing").asString())
          .isEqualTo("/assets/billing/2.0.0/index.js");
    } finally {
      promote("billing", "1.0.0");
    }
  }

  @Test
  void canaryIsChosenPerVisitorAndStickyThroughTheSubjectCookie() {
    team.postJson("/api/environments/production/canary", "{\"app\":\"billing\",\"version\":\"2.0.0\",\"percent\":50}")
        .expectStatus(200);
    try {
      int canary = 0;
      for (int visitor = 0; visitor < 60; visitor++) {
        TestHttp.Response first = server.anonymous().get("/billing");
        String cookie = first.header("Set-Cookie");
        assertThat(cookie).contains("pergola_subject=").contains("HttpOnly").contains("SameSite=Lax");
        String subject = cookie.substring(0, cookie.indexOf(';'));
        String version = importMap(first.text()).get("imports").get("billing").asString();
        for (int load = 0; load < 3; load++) {
          String again = importMap(server.anonymous().header("Cookie", subject).get("/billing").text()).get("imports").get("billing").asString();
          assertThat(again).isEqualTo(version);
        }
        if (version.contains("/2.0.0/")) {
          canary++;
        }
      }
      assertThat(canary).isBetween(10, 50);
    } finally {
      team.postJson("/api/environments/production/canary/abort", "{\"app\":\"billing\"}").expectStatus(200);
    }
  }

  @Test
  void runtimeFilesAreServedImmutableUnderTheirHash() {
    String html = server.anonymous().get("/").text();
    Matcher src = Pattern.compile("src=\"(/pergola/runtime/[0-9a-f]{16}/pergola.js)\"").matcher(html);
    assertThat(src.find()).isTrue();

    TestHttp.Response runtime = server.anonymous().header("Accept-Encoding", "gzip").get(src.group(1)).expectStatus(200);

    assertThat(runtime.header("Content-Type")).startsWith("text/javascript");
    assertThat(runtime.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(runtime.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(runtime.header("SourceMap")).isEqualTo("pergola.js.map");
    TestHttp.Response brotli = server.anonymous().header("Accept-Encoding", "gzip, br").get(src.group(1)).expectStatus(200);
    assertThat(brotli.header("Content-Encoding")).isEqualTo("br");
    assertThat(brotli.bytes().length).isLessThan(runtime.bytes().length);
    // The runtime's size budget (bench/runtime-size): what every shell page loads, as served.
    assertThat(brotli.bytes().length).as("pergola.js, brotli").isLessThanOrEqualTo(4096);
    // Each encoding is a representation of its own, with its own strong ETag.
    assertThat(brotli.header("ETag")).isNotEqualTo(runtime.header("ETag"));
    server.anonymous().header("Accept-Encoding", "gzip, br").header("If-None-Match", brotli.header("ETag"))
        .get(src.group(1)).expectStatus(304);
    server.anonymous().header("Accept-Encoding", "gzip").header("If-None-Match", brotli.header("ETag"))
        .get(src.group(1)).expectStatus(200);
    // If-None-Match as caches send it too: a list, a weak form of the tag, any tag at all.
    server.anonymous().header("Accept-Encoding", "gzip, br").header("If-None-Match", "\"other\", " + brotli.header("ETag"))
        .get(src.group(1)).expectStatus(304);
    server.anonymous().header("Accept-Encoding", "gzip, br").header("If-None-Match", "W/" + brotli.header("ETag"))
        .get(src.group(1)).expectStatus(304);
    server.anonymous().header("If-None-Match", "*").get(src.group(1)).expectStatus(304);
    String prefix = src.group(1).substring(0, src.group(1).length() - "pergola.js".length());
    TestHttp.Response map = server.anonymous().get(prefix + "pergola.js.map").expectStatus(200);
    assertThat(map.header("Content-Type")).startsWith("application/json");
    assertThat(map.text()).contains("\"sources\"").contains("shell/start.js");
    server.anonymous().get(prefix + "single-spa-kind.js").expectStatus(200);
    server.anonymous().get("/pergola/runtime/0000000000000000/pergola.js").expectProblem(404);
    server.anonymous().postJson(src.group(1), "{}").expectProblem(405);
  }

  @Test
  void clientErrorsAreCountedPerAppVersionAndPhase() {
    server.anonymous()
        .postJson("/api/telemetry/client-errors", "{\"app\":\"billing\",\"version\":\"1.0.0\",\"phase\":\"mount\",\"message\":\"boom\"}")
        .expectStatus(202);
    server.anonymous()
        .postJson("/api/telemetry/client-errors", "{\"app\":\"made-up\",\"version\":\"9.9.9\",\"phase\":\"mount\"}")
        .expectStatus(202);
    server.anonymous().postJson("/api/telemetry/client-errors", "{\"phase\":\"mount\"}").expectProblem(400);

    String metrics = server.anonymous().get("/actuator/prometheus").expectStatus(200).text();

    assertThat(metrics).containsPattern("pergola_client_errors_total\\{[^}]*app=\"billing\"[^}]*phase=\"mount\"[^}]*version=\"1.0.0\"[^}]*} 1.0");
    assertThat(metrics).containsPattern("pergola_client_errors_total\\{[^}]*app=\"unknown\"");
  }

  @Test
  void whereDevOverridesAreOffTheirCookieChangesNothingAndTheFormSaysHowToTurnThemOn() {
    String cookie = "pergola_dev_overrides=billing=" + java.net.URLEncoder.encode("http://localhost:5173/main.js", StandardCharsets.UTF_8);

    TestHttp.Response page = server.anonymous().header("Cookie", cookie).get("/billing").expectStatus(200);

    assertThat(importMap(page.text()).get("imports").get("billing").asString()).isEqualTo("/assets/billing/1.0.0/index.js");
    assertThat(page.header("Content-Security-Policy")).doesNotContain("localhost:5173");
    JsonNode problem = server.anonymous().get("/pergola/dev-overrides").expectProblem(404);
    assertThat(problem.get("detail").asString()).contains("pergola.shell.dev-overrides=true");
    server.anonymous().postForm("/pergola/dev-overrides", "billing=x").expectProblem(404);
  }
}
