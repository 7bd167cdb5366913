package io.pergola.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import map an environment's revision produces is valid per the HTML import maps spec and
 * loads in real Chromium: bare specifiers resolve to versioned assets, sub-paths through the
 * {@code app/} prefix, and the integrity section is enforced.
 */
class ImportMapInChromiumTest {

  private static final PergolaTestServer server = PergolaTestServer.shared();
  private static Chromium chromium;
  private static String env;

  @BeforeAll
  static void deploy() {
    chromium = Chromium.launch();
    TestHttp team = server.newTeam("mappers");
    server.registerApp("greeter", "mappers");
    server.registerApp("words", "mappers");
    team.put(
            "/api/apps/words/versions/1.0.0",
            TestBundle.empty()
                .manifest("{\"name\":\"words\",\"version\":\"1.0.0\",\"kind\":\"library\",\"entry\":\"index.js\"}")
                .file("index.js", "export const hello = 'hello';\n")
                .file("extra/world.js", "export const world = 'world';\n")
                .zip(),
            "application/zip")
        .expectStatus(201);
    team.put(
            "/api/apps/greeter/versions/1.0.0",
            TestBundle.empty()
                .manifest("{\"name\":\"greeter\",\"version\":\"1.0.0\",\"kind\":\"module\",\"entry\":\"index.js\",\"requires\":{\"words\":\"^1.0.0\"}}")
                .file(
                    "index.js",
                    "import { hello } from 'words';\nimport { world } from 'words/extra/world.js';\n"
                        + "export const greeting = `${hello}, ${world}`;\n")
                .zip(),
            "application/zip")
        .expectStatus(201);
    env = PergolaTestServer.unique("browser");
    server.admin().postJson("/api/environments", "{\"name\":\"" + env + "\"}").expectStatus(201);
    for (String app : new String[] {"words", "greeter"}) {
      team.postJson("/api/environments/" + env + "/promote", "{\"app\":\"" + app + "\",\"version\":\"1.0.0\"}")
          .expectStatus(200);
    }
  }

  @AfterAll
  static void close() {
    Resources.closeAll(chromium);
  }

  /** A page on the server's origin whose HTML inlines {@code importMap}, then runs {@code module}. */
  private static Page pageWith(BrowserContext context, String importMap, String module, java.util.List<String> console) {
    Page page = context.newPage();
    page.onConsoleMessage(message -> console.add(message.text()));
    String url = server.baseUrl() + "/import-map-test.html";
    page.route(
        url,
        route ->
            route.fulfill(
                new Route.FulfillOptions()
                    .setContentType("text/html")
                    .setBody(
                        "<!doctype html><script type=\"importmap\">" + importMap + "</script>"
                            + "<script type=\"module\">" + module + "</script>")));
    page.navigate(url);
    return page;
  }

  @Test
  void revisionsImportMapResolvesModulesInChromium() {
    String importMap = server.anonymous().get("/api/environments/" + env + "/importmap.json").expectStatus(200).text();

    try (BrowserContext context = chromium.browser().newContext()) {
      Page page =
          pageWith(
              context,
              importMap,
              "import { greeting } from 'greeter'; window.greeting = greeting;",
              new java.util.ArrayList<>());
      page.waitForFunction("() => window.greeting !== undefined");

      assertThat(page.evaluate("() => window.greeting")).isEqualTo("hello, world");
    }
  }

  @Test
  void chromiumRefusesAModuleWhoseIntegrityDoesNotMatch() {
    String importMap = server.anonymous().get("/api/environments/" + env + "/importmap.json").expectStatus(200).text();
    String tampered = importMap.replaceAll("sha384-[A-Za-z0-9+/=]+", "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertThat(tampered).isNotEqualTo(importMap);

    try (BrowserContext context = chromium.browser().newContext()) {
      java.util.List<String> errors = new java.util.ArrayList<>();
      Page page =
          pageWith(
              context,
              tampered,
              "import('greeter').then(m => window.greeting = m.greeting, e => window.failure = String(e));",
              errors);
      page.waitForFunction("() => window.failure !== undefined || window.greeting !== undefined");

      assertThat(page.evaluate("() => window.greeting")).isNull();
      assertThat(String.join("\n", errors)).containsIgnoringCase("integrity");
    }
  }
}
