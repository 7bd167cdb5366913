package io.pergola.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Page load of the signed-in demo in headless Chromium: Pergola beside two baselines built from
 * the same children's source and the same library files ({@link PageLoadBaselines}): the
 * monolith, one bundle on one static page, and single-spa, the children wrapped for it behind an
 * import map; both served by nginx. Every load is a new browser context (cold cache, new
 * connections, the same session cookie), the three in turns whose order rotates, on loopback and
 * at 40 ms round trip and 10 Mbit/s. Not a test: run it with {@code bench/page-load/run.sh}.
 *
 * <p>With {@code -Dfragments=true} a fourth variant runs beside them, from a second demo started with
 * {@code --server-fragments}: the same Pergola, with billing's list also rendered by its team's
 * service into the page. A different rendering, which neither baseline has: reported in columns
 * of its own, never in place of Pergola's.
 *
 * <p>Per load: the largest contentful paint; the time to the first animation frame in which the
 * header (the first child, always on) has its links in the DOM, and in which the route's child
 * shows its API data (each child attaches its handlers in the same task that inserts that
 * content, so both are interactive then); and the bytes received (headers included) and the
 * requests made, from the DevTools protocol, until the figures are read.
 */
public final class PageLoadBenchmark {

  private static final int RUNS = Integer.getInteger("runs", 15);
  private static final int WARMUP = Integer.getInteger("warmup", 2);
  private static final List<String> ROUTES = List.of(System.getProperty("routes", "/shipping,/billing,/profile").split(","));
  private static final int MAX_FAILURES = 5;
  /** How long each page's server is sent its pages and files before the first load measured. */
  private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmupSeconds", 15));
  private static final Path BENCH_DIR = Path.of(System.getProperty("bench.dir", "bench/page-load"));
  private static final boolean FRAGMENTS = Boolean.getBoolean("fragments");
  private static final String WITH_FRAGMENTS = "Pergola, server fragments";

  private static final String HEADER_READY = "document.querySelector('acme-header')?.shadowRoot?.querySelector('nav a')";

  /** Per route, true once the route's child shows its data from its team's API. */
  private static final Map<String, String> CHILD_READY =
      Map.of(
          "/shipping", "document.querySelector('acme-shipping')?.shadowRoot?.querySelector('[data-testid=shipments] tbody tr')",
          "/billing", "document.querySelector('[data-testid=billing-title]')",
          "/profile", "document.querySelector('[data-testid=profile-title]')");

  /**
   * Runs before the page's own scripts: records LCP candidates, checks both children every frame
   * and calls the {@code __benchShown} binding once both show. Waiting on a binding, rather than
   * with Playwright's waitForFunction, keeps Playwright's injected script (20-40 ms of the page's
   * main thread on this machine, in Chromium traces) out of the load being measured.
   */
  private static final String MARKS =
      """
      (() => {
        const marks = (window.__bench = { lcp: null, lcpElement: null, header: null, child: null });
        const describe = (entry) => {
          const el = entry.element;
          if (!el) return `(in a shadow root) ${entry.size} px²`;
          const root = el.getRootNode();
          const host = root instanceof ShadowRoot ? `${root.host.localName} » ` : '';
          const testId = el.getAttribute('data-testid');
          const detail = testId ? `[data-testid=${testId}]` : (typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '');
          return `${host}${el.localName}${detail} ${entry.size} px²`;
        };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            marks.lcp = entry.startTime;
            marks.lcpElement = describe(entry);
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        const check = () => {
          const now = performance.now();
          if (marks.header === null && $HEADER) marks.header = now;
          if (marks.child === null && $CHILD) marks.child = now;
          if (marks.header === null || marks.child === null) requestAnimationFrame(check);
          else window.__benchShown();
        };
        requestAnimationFrame(check);
      })();
      """;

  /** Lets the frame that showed the data be painted and reported, then answers the marks. */
  private static final String SETTLE_AND_READ =
      "() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.__bench), 200))))";

  /** A page's server and the signed-in browser state its loads start from. */
  private record Variant(String name, URI origin, String session) {}

  private record Load(
      double document, double lcp, String lcpElement, double header, double child, long bytes, int requests, List<String> traffic) {}

  public static void main(String[] args) throws Exception {
    try (Chromium chromium = Chromium.launch();
        DemoProcess demo = DemoProcess.start();
        DemoProcess fragments = FRAGMENTS ? DemoProcess.start("--server-fragments") : null) {
      Browser browser = chromium.browser();
      String session = demo.signIn(browser);
      try (PageLoadBaselines baselines = PageLoadBaselines.start(BENCH_DIR, demo.url(), signedInUser(browser, session, demo.url()))) {
        List<Variant> variants = new ArrayList<>(List.of(
            new Variant("Pergola", demo.url(), session),
            new Variant("monolith", baselines.monolith(), session),
            new Variant("single-spa", baselines.singleSpa(), session)));
        if (fragments != null) {
          variants.add(new Variant(WITH_FRAGMENTS, fragments.url(), fragments.signIn(browser)));
        }
        for (Variant variant : variants) {
          long requests = ServerWarmUp.run(variant.origin(), ROUTES, variant.session(), WARM_UP);
          System.err.printf(Locale.ROOT, "bench: %s warmed up with %,d requests of its pages and files%n", variant.name(), requests);
        }
        Map<String, List<Load>> loads = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int run = -WARMUP; run < RUNS; run++) {
          for (EmulatedNetwork network : EmulatedNetwork.values()) {
            for (String route : ROUTES) {
              for (int turn = 0; turn < variants.size(); turn++) {
                Variant variant = variants.get(Math.floorMod(run + turn, variants.size()));
                Load load = loadRetryingFailures(browser, variant, route, network, failures);
                if (run >= 0) {
                  loads.computeIfAbsent(key(network, route, variant.name()), k -> new ArrayList<>()).add(load);
                }
              }
            }
          }
          System.err.printf(Locale.ROOT, "bench: %s %d of %d done%n", run < 0 ? "warm-up round" : "round", run < 0 ? run + WARMUP + 1 : run + 1, run < 0 ? WARMUP : RUNS);
        }
        report(loads, browser.version(), failures, variants.stream().map(Variant::name).toList());
      }
    }
  }

  /** The claims Pergola's shell page carries for the signed-in user; the baselines carry the same. */
  private static JsonObject signedInUser(Browser browser, String session, URI demo) {
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setStorageState(session))) {
      Page page = context.newPage();
      page.navigate(demo + "/shipping");
      String config = (String) page.evaluate("() => document.getElementById('pergola-config').textContent");
      return JsonParser.parseString(config).getAsJsonObject().getAsJsonObject("auth").getAsJsonObject("user");
    }
  }

  /**
   * A load whose children never show is reported with its unfinished requests and made again;
   * the summary lists each failure. More than {@value #MAX_FAILURES} end the benchmark.
   */
  private static Load loadRetryingFailures(
      Browser browser, Variant variant, String route, EmulatedNetwork network, List<String> failures) {
    while (true) {
      try {
        return load(browser, variant, route, network);
      } catch (LoadFailure failure) {
        failures.add(failure.getMessage());
        System.err.println("bench: " + failure.getMessage() + "\n  " + String.join("\n  ", failure.traffic));
        if (failures.size() > MAX_FAILURES) {
          throw new IllegalStateException("More than " + MAX_FAILURES + " loads failed; the last: " + failure.getMessage(), failure);
        }
      }
    }
  }

  private static final class LoadFailure extends RuntimeException {
    private final List<String> traffic;

    LoadFailure(String message, List<String> traffic, Throwable cause) {
      super(message, cause);
      this.traffic = traffic;
    }
  }

  private static Load load(Browser browser, Variant variant, String route, EmulatedNetwork network) {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setStorageState(variant.session()).setViewportSize(1200, 760))) {
      AtomicBoolean shown = new AtomicBoolean();
      context.exposeBinding("__benchShown", (source, args) -> {
        shown.set(true);
        return null;
      });
      context.addInitScript(MARKS.replace("$HEADER", HEADER_READY).replace("$CHILD", CHILD_READY.get(route)));
      Page page = context.newPage();
      CDPSession cdp = context.newCDPSession(page);
      Traffic traffic = new Traffic(cdp);
      network.apply(cdp);
      try {
        page.navigate(variant.origin() + route, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        page.waitForCondition(shown::get, new Page.WaitForConditionOptions().setTimeout(30_000));
      } catch (PlaywrightException e) {
        throw new LoadFailure(
            variant.name() + " " + route + " (" + network.label() + ") did not show both children within 30 s: " + e.getMessage().lines().findFirst().orElse(""),
            traffic.lines(), e);
      }
      Map<?, ?> marks = (Map<?, ?>) page.evaluate(SETTLE_AND_READ);
      return new Load(
          traffic.documentMillis(), number(marks.get("lcp")), String.valueOf(marks.get("lcpElement")), number(marks.get("header")), number(marks.get("child")),
          traffic.bytes(), traffic.requests(), traffic.lines());
    }
  }

  private static double number(Object value) {
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("The page reported no value where a number was expected (no LCP entry?)");
    }
    return number.doubleValue();
  }

  /**
   * Every request of one page, from the DevTools protocol: its bytes on the wire and timing. The
   * browser's own request for {@code /favicon.ico} is left out: it is no part of any of the
   * pages, and whether it falls before the figures are read depends on the load event.
   */
  private static final class Traffic {
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, Double> starts = new LinkedHashMap<>();
    private final Map<String, String> ends = new LinkedHashMap<>();
    private double documentEnd = Double.NaN;
    private long bytes;

    Traffic(CDPSession cdp) {
      cdp.on("Network.requestWillBeSent", event -> {
        String path = URI.create(event.getAsJsonObject("request").get("url").getAsString()).getPath();
        if (!path.equals("/favicon.ico")) {
          String id = event.get("requestId").getAsString();
          urls.put(id, path);
          starts.put(id, event.get("timestamp").getAsDouble());
        }
      });
      cdp.on("Network.loadingFinished", event -> {
        String id = event.get("requestId").getAsString();
        if (!urls.containsKey(id)) {
          return;
        }
        long length = event.get("encodedDataLength").getAsLong();
        bytes += length;
        double end = event.get("timestamp").getAsDouble() - first();
        if (id.equals(urls.keySet().iterator().next())) {
          documentEnd = end * 1000;
        }
        ends.put(id, String.format(Locale.ROOT, "%.0f ms, %,d bytes", end * 1000, length));
      });
      cdp.on("Network.loadingFailed", event -> ends.put(event.get("requestId").getAsString(), "failed: " + event.get("errorText").getAsString()));
    }

    private double first() {
      return starts.values().iterator().next();
    }

    long bytes() {
      return bytes;
    }

    /** From the page's request to the last byte of its HTML. */
    double documentMillis() {
      return documentEnd;
    }

    int requests() {
      return urls.size();
    }

    /** One line per request: path, start and end (ms after the page's first request), bytes. */
    List<String> lines() {
      return urls.entrySet().stream()
          .map(e -> String.format(Locale.ROOT, "%s: %.0f ms → %s", e.getValue(), (starts.get(e.getKey()) - first()) * 1000, ends.getOrDefault(e.getKey(), "not finished")))
          .toList();
    }
  }

  private static String key(EmulatedNetwork network, String route, String variant) {
    return network.name() + " " + route + " " + variant;
  }

  private static void report(Map<String, List<Load>> loads, String chromium, List<String> failures, List<String> variants)
      throws IOException {
    boolean withFragments = variants.contains(WITH_FRAGMENTS);
    StringBuilder tables = new StringBuilder();
    StringBuilder details = new StringBuilder("\nLargest contentful paint element (most frequent) and one load's requests (start → end, bytes):\n");
    for (EmulatedNetwork network : EmulatedNetwork.values()) {
      tables.append(String.format(Locale.ROOT,
          "%nPage load of the signed-in demo, %s, headless Chromium %s, %d cores, cold cache, %d loads of each page"
              + " (alternating), median (p90); ratio = Pergola / baseline, of the medians%n%n",
          network.label(), chromium, Runtime.getRuntime().availableProcessors(), RUNS));
      tables.append(withFragments
          ? "| figure | Pergola | monolith | ratio | single-spa | ratio | " + WITH_FRAGMENTS + " | ratio to monolith |\n|---|---|---|---|---|---|---|---|\n"
          : "| figure | Pergola | monolith | ratio | single-spa | ratio |\n|---|---|---|---|---|---|\n");
      for (String route : ROUTES) {
        Function<String, List<Load>> of = variant -> loads.get(key(network, route, variant));
        tables.append(timeRow(route + " HTML received", of, Load::document));
        tables.append(timeRow(route + " largest contentful paint", of, Load::lcp));
        tables.append(timeRow(route + " header interactive", of, Load::header));
        tables.append(timeRow(route + " route's child interactive, with its data", of, Load::child));
        tables.append(countRow(route + " bytes received", of, Load::bytes));
        tables.append(countRow(route + " requests", of, Load::requests));
        for (String variant : variants) {
          List<Load> sample = of.apply(variant);
          String lcpElement =
              sample.stream().collect(Collectors.groupingBy(Load::lcpElement, Collectors.counting())).entrySet().stream()
                  .max(Map.Entry.comparingByValue())
                  .map(e -> e.getKey() + " (" + e.getValue() + " of " + sample.size() + ")")
                  .orElseThrow();
          details.append(String.format(Locale.ROOT, "%n%s, %s, %s: LCP element %s%n", variant, route, network.label(), lcpElement));
          sample.getLast().traffic().forEach(line -> details.append("  ").append(line).append('\n'));
        }
      }
    }
    tables.append(String.format(Locale.ROOT, "%nLoads that failed and were made again: %d%n", failures.size()));
    failures.forEach(failure -> tables.append("- ").append(failure).append('\n'));
    System.out.print(tables);
    String results = System.getProperty("results");
    if (results != null) {
      Files.writeString(Path.of(results), tables + details.toString());
      System.out.println();
      System.out.println("Written to " + results + ", with each page's requests.");
    }
  }

  private static String timeRow(String figure, Function<String, List<Load>> of, ToDoubleFunction<Load> figureOf) {
    Sample pergola = sample(of.apply("Pergola"), figureOf);
    Sample monolith = sample(of.apply("monolith"), figureOf);
    Sample singleSpa = sample(of.apply("single-spa"), figureOf);
    String row = String.format(Locale.ROOT, "| %s | %s | %s | %.2fx | %s | %.2fx |", figure,
        pergola.millis(), monolith.millis(), pergola.median() / monolith.median(), singleSpa.millis(), pergola.median() / singleSpa.median());
    List<Load> fragments = of.apply(WITH_FRAGMENTS);
    if (fragments != null) {
      Sample withFragments = sample(fragments, figureOf);
      row += String.format(Locale.ROOT, " %s | %.2fx |", withFragments.millis(), withFragments.median() / monolith.median());
    }
    return row + "\n";
  }

  private static String countRow(String figure, Function<String, List<Load>> of, ToDoubleFunction<Load> figureOf) {
    double pergola = sample(of.apply("Pergola"), figureOf).median();
    double monolith = sample(of.apply("monolith"), figureOf).median();
    double singleSpa = sample(of.apply("single-spa"), figureOf).median();
    String row = String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2fx | %,.0f | %.2fx |", figure,
        pergola, monolith, pergola / monolith, singleSpa, pergola / singleSpa);
    List<Load> fragments = of.apply(WITH_FRAGMENTS);
    if (fragments != null) {
      double withFragments = sample(fragments, figureOf).median();
      row += String.format(Locale.ROOT, " %,.0f | %.2fx |", withFragments, withFragments / monolith);
    }
    return row + "\n";
  }

  private static Sample sample(List<Load> loads, ToDoubleFunction<Load> figure) {
    return new Sample(loads.stream().map(load -> figure.applyAsDouble(load)).toList());
  }
}
