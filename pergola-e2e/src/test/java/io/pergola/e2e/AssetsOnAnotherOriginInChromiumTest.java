package io.pergola.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.pergola.server.testkit.LoopbackPorts;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shell with its assets on another origin, as behind a CDN ({@code
 * pergola.deploy.asset-base-url}): the page is opened at {@code http://127.0.0.1:<port>}, the
 * assets come from {@code http://localhost:<port>}, a different origin on the same loopback
 * server. Children load, and their stylesheet, image and data files, and the page's icon, are
 * allowed by the page's CSP and the origin's CORS headers.
 */
class AssetsOnAnotherOriginInChromiumTest {

  private static PergolaTestServer server;
  private static Chromium chromium;
  private static String assetOrigin;

  @BeforeAll
  static void start() {
    chromium = Chromium.launch();
    int port = LoopbackPorts.free();
    assetOrigin = "http://localhost:" + port;
    server =
        PergolaTestServer.start(
            PergolaTestServer.tempDir(),
            "--server.port=" + port,
            "--pergola.deploy.asset-base-url=" + assetOrigin,
            "--pergola.shell.layouts.production.stylesheets[0]=styled/theme.css",
            "--pergola.shell.layouts.production.icon=styled/dot.svg");
    FixtureChildren.deploy(server, "cdn", "styled", "mod");
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server, chromium);
  }

  @Test
  void childrenTheirStylesheetImagesAndFilesLoadFromTheAssetOrigin() {
    try (BrowserContext context = chromium.browser().newContext()) {
      Page page = context.newPage();
      // Every response: with the layout's icon declared, the browser asks for no /favicon.ico.
      List<String> failed = new ArrayList<>();
      page.onResponse(response -> {
        if (response.status() >= 400) {
          failed.add(response.status() + " " + response.url());
        }
      });
      page.onRequestFailed(request -> failed.add(request.failure() + " " + request.url()));
      page.addInitScript(
          "addEventListener('securitypolicyviolation', (e) => (window.violations ??= []).push(e.violatedDirective + ' ' + e.blockedURI))");

      // Chromium asks for a page's icon once the page has loaded.
      Response icon = page.waitForResponse(
          assetOrigin + "/assets/styled/1.0.0/dot.svg", () -> page.navigate(server.baseUrl() + "/styled"));
      page.waitForSelector("#styled-text");
      page.waitForFunction("() => document.querySelector('#styled-img')?.complete");

      assertThat(page.textContent("#styled-text")).isEqualTo("styled from its assets");
      assertThat(page.evaluate("() => getComputedStyle(document.querySelector('#styled-text')).color"))
          .isEqualTo("rgb(1, 2, 3)");
      assertThat(page.evaluate("() => document.querySelector('#styled-img').naturalWidth")).isEqualTo(4);
      assertThat(icon.status()).isEqualTo(200);
      assertThat(page.evaluate("() => window.violations ?? []")).asList().isEmpty();
      assertThat(failed).isEmpty();
      @SuppressWarnings("unchecked")
      List<String> assets =
          (List<String>) page.evaluate(
              "() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/assets/'))");
      assertThat(assets).isNotEmpty().allMatch(url -> url.startsWith(assetOrigin + "/assets/"));
    }
  }

  @Test
  void theOtherRoutesCodeIsPreloadedFromTheAssetOriginAndNavigationUsesIt() {
    try (BrowserContext context = chromium.browser().newContext()) {
      Page page = context.newPage();
      page.addInitScript(
          "addEventListener('securitypolicyviolation', (e) => (window.violations ??= []).push(e.violatedDirective + ' ' + e.blockedURI))");
      page.navigate(server.baseUrl() + "/styled");
      page.waitForSelector("#styled-text");
      page.waitForFunction(
          "() => performance.getEntriesByType('resource')"
              + ".some((e) => e.name.startsWith('" + assetOrigin + "/assets/mod/'))"); // only the idle preload asks for it

      page.evaluate("() => window.pergola.navigate('/mod')");
      page.waitForSelector("#mod-text");

      assertThat(page.evaluate("() => window.violations ?? []")).asList().isEmpty();
    }
  }
}
