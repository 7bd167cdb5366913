package io.pergola.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitUntilState;
import io.pergola.server.testkit.Resources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code pergola demo --server-fragments}: billing's team service renders the signed-in person's
 * invoices into the page, which shows them before any of billing's code has arrived, and the Vue
 * child takes over once its data is in, with no "Loading…" in between.
 */
class DemoServerFragmentsInChromiumTest {

  private static Chromium chromium;
  private static DemoProcess demo;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.launch();
    demo = DemoProcess.start("--server-fragments");
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(demo, chromium);
  }

  @Test
  void theInvoicesAreOnThePageBeforeBillingsCodeAndTheChildTakesOverWithoutALoadingState() {
    Browser browser = chromium.browser();
    String signedIn = demo.signIn(browser);
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setStorageState(signedIn))) {
      Page page = context.newPage();
      // A first visit warms the demo's fragment service up (its first token check fetches the
      // provider's keys), which on a busy machine can take longer than the fragment may.
      page.navigate(demo.url() + "/billing");
      page.waitForSelector("[data-testid=invoices]");
      List<String> states = new ArrayList<>();
      page.onConsoleMessage(message -> states.add(message.text()));
      List<Route> held = new ArrayList<>();
      page.route("**/assets/billing/**", held::add);

      page.navigate(demo.url() + "/billing", new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));

      // Ada's invoices, from the server, while billing's code is held back.
      page.waitForSelector("[data-pergola-fragment=billing] .ds-table");
      assertThat(page.locator("[data-pergola-fragment=billing] tbody tr").count()).isEqualTo(3);
      assertThat(page.locator("[data-pergola-fragment=billing] .ds-title").textContent()).isEqualTo("Invoices");
      // Watch for the Vue child's loading state from here on.
      page.evaluate("() => new MutationObserver(() => { if (document.body.textContent.includes('Loading…'))"
          + " console.log('loading shown') }).observe(document.body, { subtree: true, childList: true, characterData: true })");

      held.forEach(Route::resume);
      page.waitForSelector("[data-testid=invoices]");

      assertThat(page.locator("[data-testid=invoices] tbody tr").count()).isEqualTo(3);
      assertThat(page.locator(".ds-table").count()).as("one table: the child's, in place of the server's").isEqualTo(1);
      assertThat(states).doesNotContain("loading shown");
      assertThat(page.locator("[data-testid=invoices-total]").textContent()).isEqualTo("Total: €4,425.49");
    }
  }
}
