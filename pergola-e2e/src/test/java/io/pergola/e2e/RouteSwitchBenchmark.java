package io.pergola.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Route switch in the demo, in headless Chromium: the time from a navigation click in the header
 * to the first frame painted after the new child's content is in the DOM, for a child whose code
 * has not been loaded yet (a cold browser cache; clicked at once, and clicked once the page has
 * settled and the shell has prefetched the other routes' code) and for one already loaded
 * (switching back).
 * Without network emulation and with 40 ms round trips at 10 Mbit/s. Not a test: run it with
 * {@code bench/route-switch/run.sh}.
 */
public final class RouteSwitchBenchmark {

  private static final int RUNS = Integer.getInteger("runs", 15);
  private static final int SETTLE_MS = 3_000;
  private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmupSeconds", 15));

  /**
   * Clicks the header's link and resolves with [first, data]: the ms from the click to the first
   * animation frame in which the child has rendered anything (that frame paints it), and to the
   * one in which its API data is shown. Checked every frame rather than by a MutationObserver,
   * which cannot see into the children's shadow roots.
   */
  private static final String CLICK_AND_TIME =
      """
      ([link, first, data]) => new Promise((resolve) => {
        const found = (selector) => document.querySelector(selector)
          ?? document.querySelector('acme-shipping')?.shadowRoot?.querySelector(selector);
        const start = performance.now();
        let painted;
        const check = () => {
          const now = performance.now() - start;
          painted ??= found(first) ? now : undefined;
          if (painted !== undefined && found(data)) resolve([painted, now]);
          else requestAnimationFrame(check);
        };
        document.querySelector('acme-header').shadowRoot.querySelector(`nav a[href="${link}"]`).click();
        requestAnimationFrame(check);
      })
      """;

  private static final String BILLING_FIRST = "[data-pergola-app=billing] .ds-page";
  private static final String BILLING_DATA = "[data-testid=billing-title]";

  public static void main(String[] args) throws Exception {
    try (Chromium chromium = Chromium.launch(); DemoProcess demo = DemoProcess.start()) {
      Browser browser = chromium.browser();
      String session = demo.signIn(browser);
      // As bench/page-load: a server in service has served these pages many times.
      long requests = ServerWarmUp.run(demo.url(), List.of("/shipping", "/billing", "/profile"), session, WARM_UP);
      System.err.printf(Locale.ROOT, "bench: the demo warmed up with %,d requests of its pages and files%n", requests);
      List<String[]> rows = new ArrayList<>();
      for (EmulatedNetwork network : EmulatedNetwork.values()) {
        List<Double> coldFirst = new ArrayList<>();
        List<Double> coldData = new ArrayList<>();
        List<Double> prefetchedFirst = new ArrayList<>();
        List<Double> prefetchedData = new ArrayList<>();
        List<Double> warmFirst = new ArrayList<>();
        List<Double> warmData = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
          try (BrowserContext context = openShipping(browser, session, network, demo)) {
            Page page = context.pages().getFirst();
            double[] cold = time(page, "/billing", BILLING_FIRST, BILLING_DATA);
            coldFirst.add(cold[0]);
            coldData.add(cold[1]);
            time(page, "/shipping", "[data-pergola-app=shipping] acme-shipping", "[data-testid=shipments]");
            double[] warm = time(page, "/billing", BILLING_FIRST, BILLING_DATA);
            warmFirst.add(warm[0]);
            warmData.add(warm[1]);
          }
          // A reader who looks at the first view a while before moving on: by then the shell
          // has prefetched the other routes' code into the cache, though none of it has run.
          try (BrowserContext context = openShipping(browser, session, network, demo)) {
            Page page = context.pages().getFirst();
            page.waitForTimeout(SETTLE_MS);
            double[] prefetched = time(page, "/billing", BILLING_FIRST, BILLING_DATA);
            prefetchedFirst.add(prefetched[0]);
            prefetchedData.add(prefetched[1]);
          }
        }
        String label = network.label();
        String oneRoundTrip = network == EmulatedNetwork.SLOW ? "≤ 1 RTT + parse" : "—";
        rows.add(row("child not loaded yet, clicked at once: first paint, " + label, coldFirst, oneRoundTrip));
        rows.add(row("child not loaded yet, clicked at once: with its API data, " + label, coldData, "—"));
        rows.add(row("child not loaded yet, clicked after " + SETTLE_MS / 1000 + " s: first paint, " + label, prefetchedFirst, oneRoundTrip));
        rows.add(row("child not loaded yet, clicked after " + SETTLE_MS / 1000 + " s: with its API data, " + label, prefetchedData, "—"));
        rows.add(row("child already loaded: first paint, " + label, warmFirst, "≤ 16 ms (one frame)"));
        rows.add(row("child already loaded: with its API data, " + label, warmData, "—"));
      }
      System.out.println();
      System.out.printf(Locale.ROOT,
          "Route switch in the demo (click to the frame that paints it), headless Chromium %s, %d cores, %d runs each,"
              + " median (p90)%n%n",
          browser.version(), Runtime.getRuntime().availableProcessors(), RUNS);
      System.out.println("| figure | Pergola | goal |");
      System.out.println("|---|---|---|");
      rows.forEach(row -> System.out.println("| " + String.join(" | ", row) + " |"));
    }
  }

  /** A new context (cold cache, signed in) showing the shipping page with its data. */
  private static BrowserContext openShipping(Browser browser, String session, EmulatedNetwork network, DemoProcess demo) {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setStorageState(session).setViewportSize(1200, 760));
    Page page = context.newPage();
    network.apply(context.newCDPSession(page));
    page.navigate(demo.url() + "/shipping");
    page.waitForSelector("[data-testid=shipments] >> text=SH-1042");
    return context;
  }

  private static double[] time(Page page, String link, String first, String data) {
    List<?> times = (List<?>) page.evaluate(CLICK_AND_TIME, List.of(link, first, data));
    return new double[] {((Number) times.get(0)).doubleValue(), ((Number) times.get(1)).doubleValue()};
  }

  private static String[] row(String figure, List<Double> millis, String goal) {
    return new String[] {figure, new Sample(millis).millis(), goal};
  }
}
