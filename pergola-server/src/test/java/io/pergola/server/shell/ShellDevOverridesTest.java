package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A developer's overrides of children's code, for their browser only, on a shell that takes them. */
class ShellDevOverridesTest {

  private static final String DEV_URL = "http://localhost:5173/src/main.js";
  private static final String DEPLOYED = "/assets/billing/1.0.0/index.js";

  private static PergolaTestServer server;

  @BeforeAll
  static void deploy() {
    server = PergolaTestServer.start(PergolaTestServer.tempDir(), "--pergola.shell.dev-overrides=true");
    TestHttp team = server.newTeam("overriders");
    server.registerApp("billing", "overriders");
    TestBundle bundle = TestBundle.empty()
        .manifest("{\"name\":\"billing\",\"version\":\"1.0.0\",\"kind\":\"module\",\"entry\":\"index.js\",\"routes\":[\"/billing\"]}")
        .file("index.js", "export function mount() {}");
    team.put("/api/apps/billing/versions/1.0.0", bundle.zip(), "application/zip").expectStatus(201);
    team.postJson("/api/environments/production/promote", "{\"app\":\"billing\",\"version\":\"1.0.0\"}").expectStatus(200);
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server);
  }

  private static String cookie(String app, String url) {
    return DevOverrides.COOKIE + "=" + new DevOverrides(java.util.Map.of(app, java.net.URI.create(url))).cookieValue();
  }

  private static JsonNode importMap(String html) {
    Matcher matcher = Pattern.compile("<script type=\"importmap\" nonce=\"[^\"]+\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(matcher.find()).isTrue();
    return JsonMapper.builder().build().readTree(matcher.group(1));
  }

  private static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.isEmpty() ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  @Test
  void theOverridingBrowsersPageMapsTheChildToTheDevServerWithoutIntegrity() {
    TestHttp.Response page = server.anonymous().header("Cookie", cookie("billing", DEV_URL)).get("/billing").expectStatus(200);

    JsonNode map = importMap(page.text());
    assertThat(map.get("imports").get("billing").asString()).isEqualTo(DEV_URL);
    // A dev server's files change as the developer works: no hash could hold.
    assertThat(map.get("integrity").has(DEPLOYED)).isFalse();
    assertThat(map.get("integrity").has(DEV_URL)).isFalse();
    assertThat(page.text()).containsPattern("<link rel=\"modulepreload\" fetchpriority=\"high\" nonce=\"[^\"]+\" href=\"" + Pattern.quote(DEV_URL) + "\">");
    // The child's styles, images and calls reach its dev server, and so does its live reload.
    assertThat(page.header("Content-Security-Policy"))
        .contains("connect-src 'self' http://localhost:5173 ws://localhost:5173;")
        .contains("img-src 'self' data: http://localhost:5173;")
        .contains("style-src 'self' 'unsafe-inline' http://localhost:5173;")
        .contains("script-src 'nonce-");
    // The developer's console says why this page differs from everybody else's.
    assertThat(page.text()).contains("Pergola: billing comes from " + DEV_URL + " in this browser only (/pergola/dev-overrides)");
  }

  @Test
  void everybodyElseKeepsTheDeployedVersion() {
    server.anonymous().header("Cookie", cookie("billing", DEV_URL)).get("/billing").expectStatus(200);

    TestHttp.Response page = server.anonymous().get("/billing").expectStatus(200);

    assertThat(importMap(page.text()).get("imports").get("billing").asString()).isEqualTo(DEPLOYED);
    assertThat(importMap(page.text()).get("integrity").get(DEPLOYED).asString()).startsWith("sha384-");
    assertThat(page.text()).doesNotContain("localhost:5173").doesNotContain("comes from");
    assertThat(page.header("Content-Security-Policy")).doesNotContain("localhost:5173");
  }

  @Test
  void anOverrideOfCodeElsewhereThanThisMachineIsNeverUsed() {
    String cookie = DevOverrides.COOKIE + "=billing=" + URLEncoder.encode("https://evil.example.com/x.js", StandardCharsets.UTF_8);

    String html = server.anonymous().header("Cookie", cookie).get("/billing").expectStatus(200).text();

    assertThat(importMap(html).get("imports").get("billing").asString()).isEqualTo(DEPLOYED);
    assertThat(html).doesNotContain("evil.example.com");
  }

  @Test
  void theFormListsTheEnvironmentsAppsWithTheBrowsersOverrides() {
    TestHttp.Response page =
        server.anonymous().header("Cookie", cookie("billing", DEV_URL)).get(DevOverridesPage.PATH).expectStatus(200);

    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Cache-Control")).contains("no-store");
    assertThat(page.text()).contains("<input name=\"billing\" type=\"url\" placeholder=\"the deployed version\" value=\"" + DEV_URL + "\">");
  }

  @Test
  void savingSetsASessionCookieForThisBrowserOnly() {
    TestHttp.Response saved = server.anonymous()
        .header("Origin", server.baseUrl().toString().replaceAll("/$", ""))
        .header("Sec-Fetch-Site", "same-origin")
        .postForm(DevOverridesPage.PATH, form("billing", DEV_URL))
        .expectStatus(303);

    assertThat(saved.header("Location")).isEqualTo(DevOverridesPage.PATH + "?saved");
    String setCookie = saved.header("Set-Cookie");
    assertThat(setCookie).startsWith(cookie("billing", DEV_URL) + ";").contains("HttpOnly").contains("SameSite=Lax");
    // A session cookie: a closed browser forgets its overrides.
    assertThat(setCookie).doesNotContain("Max-Age").doesNotContain("Expires");
  }

  @Test
  void clearingRemovesTheCookie() {
    TestHttp.Response cleared = server.anonymous()
        .header("Cookie", cookie("billing", DEV_URL))
        .postForm(DevOverridesPage.PATH, form("billing", DEV_URL, "clear", "1"))
        .expectStatus(303);

    assertThat(cleared.header("Set-Cookie")).startsWith(DevOverrides.COOKIE + "=; Max-Age=0;");
  }

  @Test
  void aUrlOffThisMachineIsRefusedOnTheFormAndNothingIsSaved() {
    TestHttp.Response refused = server.anonymous()
        .postForm(DevOverridesPage.PATH, form("billing", "https://cdn.example.com/billing.js"))
        .expectStatus(400);

    assertThat(refused.header("Set-Cookie")).isNull();
    assertThat(refused.text())
        .contains("role=\"alert\">billing: cdn.example.com is not this machine")
        // What was typed stays in the field, to be corrected.
        .contains("value=\"https://cdn.example.com/billing.js\"");
  }

  @Test
  void anotherSitesFormCannotSetOverrides() {
    JsonNode problem = server.anonymous()
        .header("Origin", "https://attacker.example")
        .header("Sec-Fetch-Site", "cross-site")
        .postForm(DevOverridesPage.PATH, form("billing", DEV_URL))
        .expectProblem(403);

    assertThat(problem.get("detail").asString()).contains("only pages of this origin");
  }
}
