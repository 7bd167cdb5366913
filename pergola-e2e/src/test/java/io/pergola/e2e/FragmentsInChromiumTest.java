package io.pergola.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitUntilState;
import io.pergola.server.testkit.FragmentServices;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-rendered fragments in real Chromium: the page shows each child's server HTML from its
 * first paint, before any of the child's code has arrived, and the child mounts over it, so a
 * person never sees both, nor an empty slot in between.
 */
class FragmentsInChromiumTest {

  private static FragmentServices services;
  private static PergolaTestServer server;
  private static Chromium chromium;
  private BrowserContext context;
  private Page page;

  @BeforeAll
  static void start() {
    chromium = Chromium.launch();
    services = FragmentServices.start();
    for (String app : List.of("e2e-header", "wc", "mod", "thrower")) {
      services.html("/" + app, exchange -> "<p id=\"ssr-" + app + "\">" + app + " rendered on the server</p>");
    }
    String layout = "--pergola.shell.layouts.production.";
    server = PergolaTestServer.start(
        PergolaTestServer.tempDir(),
        // wc's code is held while a test looks at the page: a mount timeout shorter than a busy
        // machine's pause there would show wc's fallback instead (seen in CI at 1.5 s).
        "--pergola.shell.mount-timeout=30s",
        layout + "slots.header=e2e-header",
        layout + "fragments.e2e-header.url=" + services.url("/e2e-header"),
        layout + "fragments.wc.url=" + services.url("/wc"),
        layout + "fragments.mod.url=" + services.url("/mod"),
        layout + "fragments.thrower.url=" + services.url("/thrower"),
        // Generous: on a busy machine the first fetches may be slow, and these tests time nothing.
        layout + "fragments.e2e-header.timeout=5s",
        layout + "fragments.wc.timeout=5s",
        layout + "fragments.mod.timeout=5s",
        layout + "fragments.thrower.timeout=5s");
    FixtureChildren.deploy(server, "e2e", "e2e-header", "wc", "mod", "thrower");
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server, services, chromium);
  }

  @BeforeEach
  void openContext() {
    context = chromium.browser().newContext();
    page = context.newPage();
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  @Test
  void theServersHtmlShowsUntilTheChildMountsOverIt() {
    List<Route> held = new ArrayList<>();
    page.route("**/assets/wc/**", held::add);

    page.navigate(server.baseUrl() + "/wc", new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));

    // The runtime is running (the header has mounted over its own fragment), wc's code is held.
    page.waitForSelector("#to-wc");
    assertThat(page.locator("#ssr-e2e-header").count()).isZero();
    page.waitForSelector("#pergola-outlet > [data-pergola-fragment=wc] > #ssr-wc");
    assertThat(page.locator("#ssr-wc").isVisible()).isTrue();
    assertThat(page.evaluate("() => window.pergola.apps.wc")).isEqualTo("LOADING");

    held.forEach(Route::resume);
    page.waitForSelector("e2e-wc >> #wc-text");

    assertThat(page.locator("#ssr-wc").count()).isZero();
    assertThat(page.locator("#pergola-outlet > *").count()).isEqualTo(1);
    assertThat(page.locator("#pergola-outlet > [data-pergola-app=wc] > e2e-wc").count()).isEqualTo(1);
  }

  @Test
  void aModuleChildRendersIntoTheServersContainerAndLaterVisitsRenderInTheBrowserAlone() {
    page.navigate(server.baseUrl() + "/mod");
    page.waitForSelector("#mod-text");

    assertThat(page.locator("#ssr-mod").count()).isZero();
    assertThat(page.locator("#pergola-outlet > [data-pergola-app=mod] > #mod-text").count()).isEqualTo(1);

    page.click("#to-wc");
    page.waitForSelector("e2e-wc >> #wc-text");
    page.click("#to-mod");
    page.waitForSelector("#mod-text");

    assertThat(page.locator("#pergola-outlet > *").count()).isEqualTo(1);
    assertThat(page.locator("[id^=ssr-]").count()).isZero();
  }

  @Test
  void aChildThatFailsShowsTheFallbackInPlaceOfTheServersHtml() {
    page.navigate(server.baseUrl() + "/thrower");
    page.waitForSelector(".pergola-fallback");

    assertThat(page.locator("#ssr-thrower").count()).isZero();
    assertThat(page.locator("#pergola-outlet > *").count()).isEqualTo(1);
  }
}
