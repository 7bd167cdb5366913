package io.pergola.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a person sees of the shell and runtime, in real Chromium: children of every integration
 * style mount and unmount as the user navigates without reloads, failures stay in their slot,
 * children talk through the event bus, and the CSP holds.
 */
class ShellInChromiumTest {

  private static PergolaTestServer server;
  private static Chromium chromium;
  private BrowserContext context;
  private Page page;
  private final List<String> consoleMessages = new ArrayList<>();

  @BeforeAll
  static void start() {
    chromium = Chromium.launch();
    server =
        PergolaTestServer.start(
            PergolaTestServer.tempDir(),
            "--pergola.shell.mount-timeout=1500ms",
            "--pergola.shell.layouts.production.title=E2E",
            "--pergola.shell.layouts.production.slots.header=e2e-header");
    FixtureChildren.deploy(server, "e2e", "e2e-header", "wc", "mod", "spa", "fed", "thrower", "missing", "hanger");
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server, chromium);
  }

  @BeforeEach
  void openPage() {
    context = chromium.browser().newContext();
    page = context.newPage();
    page.onConsoleMessage(message -> consoleMessages.add(message.text()));
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  private void open(String path) {
    page.navigate(server.baseUrl() + path);
    page.waitForSelector("#to-wc"); // the header slot has mounted
  }

  private String text(String selector) {
    return page.locator(selector).first().textContent();
  }

  @Test
  void withoutALoginTheDashboardWorksWithAPastedTokenAndShowsWhatIsDeployed() {
    List<String> requested = Collections.synchronizedList(new ArrayList<>());
    page.onRequest(request -> requested.add(request.url()));
    page.navigate(server.baseUrl() + "/pergola/dashboard");
    page.fill("input[name=token]", "not-a-token");
    page.click("button:has-text('Open')");

    page.waitForSelector(".notice.error");
    page.fill("input[name=token]", server.admin().token());
    page.click("button:has-text('Open')");

    assertThat(page.locator("#deployments tr[data-app=wc] .deployed").textContent()).isEqualTo("1.0.0");
    assertThat(page.locator("#deployments tr[data-app=wc] select option").allTextContents()).containsExactly("1.0.0");
    assertThat(page.locator("#history tbody tr").count()).isPositive();
    // Every app's versions come with the listing of the apps, not in a request per app.
    assertThat(requested).noneMatch(url -> url.contains("/versions"));
    // The token lives in the page's memory only.
    assertThat(page.evaluate("localStorage.length + sessionStorage.length")).isEqualTo(0);
    assertThat(context.cookies()).noneMatch(cookie -> cookie.value.contains(server.admin().token()));
  }

  @Test
  void theDashboardShowsAWithdrawnDeployedVersionAndTheNewestRevisionsAndOlderOnesOnAsking() {
    String env = PergolaTestServer.unique("env");
    String app = PergolaTestServer.unique("app");
    TestHttp team = server.newTeam(app);
    server.registerApp(app, app);
    for (String version : List.of("1.0.0", "1.0.1")) {
      team.put("/api/apps/" + app + "/versions/" + version, TestBundle.validModule(app, version).zip(), "application/zip")
          .expectStatus(201);
    }
    server.admin().postJson("/api/environments", "{\"name\":\"" + env + "\"}").expectStatus(201);
    for (int revision = 1; revision <= 120; revision++) {
      String version = revision % 2 == 1 ? "1.0.0" : "1.0.1";
      team.postJson("/api/environments/" + env + "/promote", "{\"app\":\"" + app + "\",\"version\":\"" + version + "\"}")
          .expectStatus(200);
    }
    team.put("/api/apps/" + app + "/versions/1.0.1/withdrawal", "{\"reason\":\"drops invoices\"}".getBytes(), "application/json")
        .expectStatus(200);
    page.navigate(server.baseUrl() + "/pergola/dashboard");
    page.fill("input[name=token]", server.admin().token());
    page.click("button:has-text('Open')");
    page.waitForSelector("#history");

    page.selectOption("select[aria-label=environment]", env);
    page.waitForSelector("#history tbody tr[data-revision='120']");
    // What the environment runs (1.0.1, revision 120's) was withdrawn since: the dashboard says why.
    assertThat(page.locator("#deployments tr[data-app='" + app + "'] .deployed").textContent())
        .isEqualTo("1.0.1 withdrawn: drops invoices");
    List<String> first = revisionsShown();
    page.click("#older-history");
    page.waitForSelector("#history tbody tr[data-revision='70']");
    page.click("#older-history");
    page.waitForSelector("#history tbody tr[data-revision='0']");

    assertThat(first).hasSize(50).startsWith("120", "119").endsWith("71");
    assertThat(revisionsShown()).hasSize(121).doesNotHaveDuplicates();
    assertThat(page.locator("#older-history").count()).isZero(); // nothing older than revision 0

    // The other version withdrawn from the dashboard: with a reason, and no longer offered.
    String picker = "select[aria-label='version of " + app + "']";
    page.onDialog(dialog -> dialog.accept());
    page.selectOption(picker, "1.0.0");
    page.click("#deployments tr[data-app='" + app + "'] button:has-text('Withdraw')");
    page.waitForSelector(".notice.error >> text=Say why");
    page.fill("input[name=reason]", "rounds down");
    page.selectOption(picker, "1.0.0");
    page.click("#deployments tr[data-app='" + app + "'] button:has-text('Withdraw')");
    page.waitForSelector(".notice.done >> text=Withdrew " + app + " 1.0.0");
    assertThat(page.locator(picker + " option").allTextContents()).containsExactly("1.0.1"); // the deployed one
    assertThat(team.get("/api/apps/" + app + "/versions/1.0.0").json().get("withdrawn").get("reason").asString())
        .isEqualTo("rounds down");
  }

  @SuppressWarnings("unchecked")
  private List<String> revisionsShown() {
    return (List<String>) page.locator("#history tbody tr").evaluateAll("rows => rows.map((row) => row.dataset.revision)");
  }

  @Test
  void deepLinkOpensTheChildAtThatPath() {
    open("/wc/deep/path/42");

    page.waitForSelector("e2e-wc >> #wc-text");

    assertThat(text("e2e-wc >> #wc-text")).isEqualTo("web component at /wc/deep/path/42");
  }

  @Test
  void navigatesBetweenThreeIntegrationStylesWithoutReloading() {
    open("/wc");
    page.waitForSelector("e2e-wc >> #wc-text");
    page.evaluate("() => window.marker = 'same page'");

    page.click("#to-mod");
    page.waitForSelector("#mod-text");
    page.click("#to-spa");
    page.waitForSelector("#spa-text");
    page.click("#to-wc");
    page.waitForSelector("e2e-wc >> #wc-text");

    assertThat(page.evaluate("() => window.marker")).isEqualTo("same page");
    assertThat(page.url()).endsWith("/wc");
    assertThat(page.evaluate("() => window.modUnmounts")).isEqualTo(1);
  }

  @Test
  void theCodeOfOtherRoutesIsPreloadedAfterTheLoadAndRunsOnlyWhenFirstVisitedWithoutARequest() {
    List<String> requested = Collections.synchronizedList(new ArrayList<>());
    page.onRequest(request -> requested.add(request.url()));
    open("/wc");
    page.waitForSelector("e2e-wc >> #wc-text");
    // mod's code is on no hint in the page: only the idle preload fetches it.
    page.waitForFunction(
        "() => performance.getEntriesByType('resource').some((e) => e.name.includes('/assets/mod/'))");
    assertThat(page.evaluate("() => window.modRuns")).as("runs of mod before its visit").isNull();
    requested.clear();

    page.click("#to-mod");
    page.waitForSelector("#mod-text");

    // The preloaded module was taken as it was, fetched and compiled: the visit asked the
    // network, and even the browser's cache, for none of it.
    assertThat(requested).noneMatch(url -> url.contains("/assets/mod/"));
    assertThat(page.evaluate("() => window.modRuns")).isEqualTo(1);
  }

  @Test
  void everyFileThePageHintsIsFetchedOnce() {
    List<String> requested = Collections.synchronizedList(new ArrayList<>());
    page.onRequest(request -> requested.add(request.url()));

    open("/spa");
    page.waitForSelector("#spa-text");

    // No hint is fetched twice, as happens when the preload scanner and the parser disagree on
    // a hint's integrity, and no file twice for a hint and an import.
    List<?> hinted =
        (List<?>) page.evaluate("() => [...document.querySelectorAll('link[rel=modulepreload]')].map((link) => link.href)");
    assertThat(hinted).hasSizeGreaterThan(3);
    for (Object url : hinted) {
      assertThat(requested.stream().filter(url::equals)).as("requests of %s", url).hasSize(1);
    }
  }

  @Test
  void childrenOfTwoKindsOnOnePageHaveTheirAdaptersInOneFileAndAThirdKindLoadsItsOwn() {
    List<String> requested = Collections.synchronizedList(new ArrayList<>());
    page.onRequest(request -> requested.add(request.url()));

    open("/spa"); // the header, a web component, and a single-spa child
    page.waitForSelector("#spa-text");

    List<String> adapters = requested.stream().filter(url -> url.contains("-kind")).toList();
    assertThat(adapters).singleElement().asString().endsWith("/single-spa-kind_web-component-kind.js");

    page.click("#to-mod");
    page.waitForSelector("#mod-text");
    page.click("#to-wc");
    page.waitForSelector("e2e-wc >> #wc-text");

    // The module child's adapter comes in a file of its own kind; the two-kind file is not asked
    // for again. (A second after the load, the idle preload may ask for other routes' adapters
    // too, the federation child's: on a busy machine the clicks come that late.)
    List<String> later = requested.stream().filter(url -> url.contains("-kind")).skip(1).toList();
    assertThat(later).anyMatch(url -> url.endsWith("/module-kind.js")).noneMatch(url -> url.contains("_"));
  }

  @Test
  void backAndForwardWork() {
    open("/mod");
    page.waitForSelector("#mod-text");
    page.click("#to-spa");
    page.waitForSelector("#spa-text");

    page.goBack();
    page.waitForSelector("#mod-text");
    assertThat(page.url()).endsWith("/mod");

    page.goForward();
    page.waitForSelector("#spa-text");
    assertThat(page.url()).endsWith("/spa");
  }

  @Test
  void singleSpaApplicationBootstrapsOnceMountsAndUnmounts() {
    open("/spa");
    page.waitForSelector("#spa-text");

    page.click("#to-mod");
    page.waitForSelector("#mod-text");
    page.click("#to-spa");
    page.waitForSelector("#spa-text");

    assertThat(text("#spa-text")).isEqualTo("single-spa app spa mounted");
    assertThat(page.evaluate("() => [window.spaBootstrapped, window.spaBootstrapSteps, window.spaMounted, window.spaUnmounted]"))
        .isEqualTo(List.of(1, 2, 2, 1));
  }

  @Test
  void federationContainerMounts() {
    open("/fed");

    page.waitForSelector("#fed-text");

    assertThat(text("#fed-text")).isEqualTo("federated widget (share scope object)");
  }

  @Test
  void aChildThatThrowsA404EntryAndAHangingOneEachGetAFallbackWhileTheRestWorks() {
    for (String broken : List.of("thrower", "missing", "hanger")) {
      open("/" + broken);

      page.waitForSelector(".pergola-fallback");
      assertThat(text(".pergola-fallback")).contains(broken + " is unavailable");
      assertThat(page.locator(".pergola-fallback button").textContent()).isEqualTo("Retry");

      page.click("#to-mod"); // the header and navigation still work
      page.waitForSelector("#mod-text");
    }
  }

  @Test
  void failuresAreReportedToTheServerPerAppAndVersion() {
    open("/thrower");
    page.waitForSelector(".pergola-fallback");

    String metrics = waitForMetric("pergola_client_errors_total{app=\"thrower\"");

    assertThat(metrics).containsPattern("pergola_client_errors_total\\{app=\"thrower\",[^}]*version=\"1.0.0\"");
  }

  private String waitForMetric(String prefix) {
    for (int attempt = 0; attempt < 50; attempt++) {
      String metrics = server.anonymous().get("/actuator/prometheus").text();
      if (metrics.contains(prefix)) {
        return metrics;
      }
      page.waitForTimeout(100); // the report is a beacon: give it a moment to arrive
    }
    return server.anonymous().get("/actuator/prometheus").text();
  }

  @Test
  void anEventPublishedByOneChildReachesAnother() {
    open("/mod");
    page.waitForSelector("#say-hello");

    page.click("#say-hello");

    page.waitForFunction("() => document.getElementById('events').textContent !== ''");
    assertThat(text("#events")).isEqualTo("got hello from mod");
  }

  @Test
  void unknownRouteShowsTheShellsNotFoundView() {
    open("/nowhere/at/all");

    page.waitForSelector(".pergola-not-found");

    assertThat(text(".pergola-not-found h1")).isEqualTo("Page not found");
  }

  @Test
  void cspRefusesInjectedInlineScripts() {
    open("/mod");
    page.waitForSelector("#mod-text");

    // What an XSS would inject: inline script in an event handler of an image that fails to load
    // (without the CSP, the handler runs as soon as the 404 arrives).
    page.evaluate(
        "() => new Promise(done => { const host = document.getElementById('mod-text');"
            + " host.innerHTML = '<img src=\"/missing.png\" onerror=\"window.injected = true\">';"
            + " host.querySelector('img').addEventListener('error', () => setTimeout(done, 50)); })");

    assertThat(page.evaluate("() => window.injected === undefined")).isEqualTo(true);
    assertThat(String.join("\n", consoleMessages)).contains("Content Security Policy");
  }
}
