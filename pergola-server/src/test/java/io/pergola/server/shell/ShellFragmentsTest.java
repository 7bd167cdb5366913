package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.Headers;
import io.micrometer.core.instrument.MeterRegistry;
import io.pergola.core.testkit.TestBundle;
import io.pergola.server.testkit.FragmentServices;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server-side composition: a shell page carries the HTML its children's fragment services render,
 * fetched side by side and streamed into place, and goes out whole without any fragment that
 * fails, is late or is too large. The fragment services are real HTTP servers on loopback.
 */
class ShellFragmentsTest {

  private static final String HEADER_HTML = "<nav>Acme, rendered on the server</nav>";
  private static final String OUTLET_START = "<main id=\"pergola-outlet\">";

  private static FragmentServices services;
  private static PergolaTestServer server;
  /** The headers each fragment service was last asked with, by path. */
  private static final Map<String, Headers> asked = new ConcurrentHashMap<>();
  /** Holds the streaming test's fragment back until the test has read the page's head. */
  private static final AtomicReference<CountDownLatch> headRead = new AtomicReference<>(new CountDownLatch(0));
  /** How often the services that let their fragments be kept were asked. */
  private static final AtomicInteger newsAsked = new AtomicInteger();
  private static final AtomicInteger weatherAsked = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    services = FragmentServices.start();
    services.on("/header", exchange -> answer(exchange, 200, "text/html", HEADER_HTML));
    services.on("/billing", exchange -> answer(exchange, 200, "text/html; charset=utf-8",
        "<h1>Invoices for " + header(exchange, "Pergola-Path") + ", billing " + header(exchange, "Pergola-Version")
            + " – ünïcode</h1>"));
    services.on("/late", exchange -> {
      sleep(Duration.ofSeconds(3));
      answer(exchange, 200, "text/html", "<p>too late</p>");
    });
    services.on("/broken", exchange -> answer(exchange, 500, "text/html", "<p>stack trace</p>"));
    services.on("/json", exchange -> answer(exchange, 200, "application/json", "{\"html\":\"no\"}"));
    services.on("/none", exchange -> answer(exchange, 204, null, ""));
    services.on("/huge", exchange -> answer(exchange, 200, "text/html", "<p>" + "x".repeat(FragmentClient.MAX_BYTES) + "</p>"));
    services.on("/held", exchange -> {
      try {
        headRead.get().await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(exchange, 200, "text/html", "<p>reports, once the head was out</p>");
    });
    services.on("/news", exchange -> {
      exchange.getResponseHeaders().set("Cache-Control", "public, max-age=60");
      answer(exchange, 200, "text/html", "<p>news " + newsAsked.incrementAndGet() + "</p>");
    });
    services.on("/weather", exchange -> {
      exchange.getResponseHeaders().set("Cache-Control", "max-age=1");
      answer(exchange, 200, "text/html", "<p>weather " + weatherAsked.incrementAndGet() + "</p>");
    });
    String layout = "--pergola.shell.layouts.production.";
    server = PergolaTestServer.start(
        PergolaTestServer.tempDir(),
        "--pergola.shell.dev-overrides=true",
        layout + "slots.header=header",
        // Generous where a test expects the fragment: on a busy machine the first fetch (the
        // client's start, a new connection) may be slow, and these tests time nothing.
        layout + "fragments.header.url=" + services.url("/header"),
        layout + "fragments.header.timeout=5s",
        layout + "fragments.billing.url=" + services.url("/billing"),
        layout + "fragments.billing.timeout=5s",
        layout + "fragments.shipping.url=" + services.url("/late"),
        layout + "fragments.shipping.timeout=300ms",
        layout + "fragments.profile.url=" + services.url("/broken"),
        layout + "fragments.catalog.url=" + services.url("/json"),
        layout + "fragments.search.url=" + services.url("/none"),
        layout + "fragments.media.url=" + services.url("/huge"),
        layout + "fragments.reports.url=" + services.url("/held"),
        layout + "fragments.reports.timeout=10s",
        layout + "fragments.news.url=" + services.url("/news"),
        layout + "fragments.news.timeout=5s",
        layout + "fragments.weather.url=" + services.url("/weather"),
        layout + "fragments.weather.timeout=5s");
    TestHttp team = server.newTeam("composers");
    for (String app : List.of("header", "billing", "shipping", "profile", "catalog", "search", "media", "reports", "news", "weather")) {
      server.registerApp(app, "composers");
      TestBundle bundle = TestBundle.empty()
          .manifest("{\"name\":\"" + app + "\",\"version\":\"1.0.0\",\"kind\":\"module\",\"entry\":\"index.js\""
              + (app.equals("header") ? "" : ",\"routes\":[\"/" + app + "\"]") + "}")
          .file("index.js", "export function mount() {}");
      team.put("/api/apps/" + app + "/versions/1.0.0", bundle.zip(), "application/zip").expectStatus(201);
      team.postJson("/api/environments/production/promote", "{\"app\":\"" + app + "\",\"version\":\"1.0.0\"}")
          .expectStatus(200);
    }
  }

  @AfterAll
  static void stop() {
    headRead.get().countDown();
    Resources.closeAll(server, services);
  }

  private static String header(HttpExchange exchange, String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
    asked.put(exchange.getRequestURI().getPath().substring(1), new Headers(exchange.getRequestHeaders()));
    FragmentServices.answer(exchange, status, type, body);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String fragment(String app, String html) {
    return "<div data-pergola-app=\"" + app + "\" data-pergola-fragment=\"" + app + "\">" + html + "</div>";
  }

  private static double fetches(String app, String outcome) {
    return server.context().getBean(MeterRegistry.class).find("pergola.shell.fragments")
        .tags("app", app, "outcome", outcome).timers().stream().mapToDouble(timer -> timer.count()).sum();
  }

  @Test
  void theRoutesChildAndTheAlwaysOnSlotArriveRenderedInThePage() {
    TestHttp.Response page = server.anonymous().header("Accept-Language", "de-CH, en;q=0.5")
        .get("/billing/invoices/42?status=open").expectStatus(200);

    assertThat(page.text())
        .contains("<div id=\"pergola-slot-header\">" + fragment("header", HEADER_HTML) + "</div>")
        .contains(OUTLET_START + fragment("billing",
            "<h1>Invoices for /billing/invoices/42?status=open, billing 1.0.0 – ünïcode</h1>") + "</main>");
    // The service hears which page, which version this visitor runs, and from which revision.
    Headers billing = asked.get("billing");
    assertThat(billing.getFirst("Pergola-App")).isEqualTo("billing");
    assertThat(billing.getFirst("Pergola-Environment")).isEqualTo("production");
    assertThat(billing.getFirst("Pergola-Revision")).isEqualTo(page.header("Pergola-Revision"));
    assertThat(billing.getFirst("Accept-Language")).isEqualTo("de-CH, en;q=0.5");
    assertThat(billing.getFirst("Accept")).isEqualTo("text/html");
    assertThat(fetches("billing", "ok")).isPositive();
  }

  @Test
  void aFragmentItsServiceLetsBeKeptIsAskedForOncePerPathAndLanguage() {
    String first = server.anonymous().get("/news").expectStatus(200).text();
    String again = server.anonymous().get("/news").expectStatus(200).text();
    String otherPage = server.anonymous().get("/news/today").expectStatus(200).text();
    String otherLanguage = server.anonymous().header("Accept-Language", "fr").get("/news").expectStatus(200).text();

    assertThat(first).contains(fragment("news", "<p>news 1</p>"));
    assertThat(again).contains(fragment("news", "<p>news 1</p>"));
    assertThat(otherPage).contains(fragment("news", "<p>news 2</p>"));
    assertThat(otherLanguage).contains(fragment("news", "<p>news 3</p>"));
    assertThat(newsAsked).hasValue(3);
    assertThat(fetches("news", "cached")).isEqualTo(1);
  }

  @Test
  void aKeptFragmentIsAskedForAgainOnceItsMaxAgeHasPassed() throws InterruptedException {
    String first = server.anonymous().get("/weather").expectStatus(200).text();
    String kept = server.anonymous().get("/weather").expectStatus(200).text();
    Thread.sleep(1_100); // the service's max-age=1 passes (this waits; it times nothing)
    String renewed = server.anonymous().get("/weather").expectStatus(200).text();

    assertThat(first).contains(fragment("weather", "<p>weather 1</p>"));
    assertThat(kept).contains(fragment("weather", "<p>weather 1</p>"));
    assertThat(renewed).contains(fragment("weather", "<p>weather 2</p>"));
  }

  @Test
  void aFragmentLaterThanItsTimeoutLeavesItsChildToTheBrowserAndTheRestOfThePageStands() {
    double before = fetches("shipping", "timeout");

    String page = server.anonymous().get("/shipping").expectStatus(200).text();

    assertThat(page).contains(OUTLET_START + "</main>").contains(fragment("header", HEADER_HTML)).doesNotContain("too late");
    assertThat(fetches("shipping", "timeout")).isEqualTo(before + 1);
  }

  @Test
  void aFailingNonHtmlOrOversizedFragmentIsLeftOut() {
    for (String[] refused : new String[][] {{"profile", "error"}, {"catalog", "error"}, {"media", "too-large"}}) {
      double before = fetches(refused[0], refused[1]);

      String page = server.anonymous().get("/" + refused[0]).expectStatus(200).text();

      assertThat(page).as(refused[0]).contains(OUTLET_START + "</main>").contains(fragment("header", HEADER_HTML));
      assertThat(fetches(refused[0], refused[1])).as(refused[0]).isEqualTo(before + 1);
    }
  }

  @Test
  void aServiceAnsweringNoContentHasNoFragmentForThatPage() {
    String page = server.anonymous().get("/search").expectStatus(200).text();

    assertThat(page).contains(OUTLET_START + "</main>");
    assertThat(fetches("search", "empty")).isPositive();
  }

  @Test
  void thePagesHeadGoesOutBeforeASlowFragmentHasAnswered() throws Exception {
    List<String> encodings = Brotli4jLoader.isAvailable() ? List.of("identity", "gzip", "br") : List.of("identity", "gzip");
    for (String encoding : encodings) {
      CountDownLatch held = new CountDownLatch(1);
      headRead.set(held);
      HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.baseUrl().resolve("/reports")).header("Accept-Encoding", encoding).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      StringBuilder read = new StringBuilder();
      try (InputStream body = decoded(response)) {
        byte[] buffer = new byte[8192];
        // The fragment service answers only once the head is here: a page that waited for it
        // before sending anything would wait its 10 s timeout out and arrive without the fragment.
        while (!read.toString().contains(OUTLET_START)) {
          int n = body.read(buffer);
          assertThat(n).as("%s: the page ended before its outlet", encoding).isPositive();
          read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(read.toString()).as(encoding).contains("</head>").doesNotContain("reports, once the head was out");
        held.countDown();
        read.append(new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }

      assertThat(response.headers().firstValue("Content-Length")).as(encoding).isEmpty();
      assertThat(read.toString())
          .as(encoding)
          .contains(OUTLET_START + fragment("reports", "<p>reports, once the head was out</p>") + "</main>")
          .endsWith("</html>\n");
    }
  }

  private static InputStream decoded(HttpResponse<InputStream> response) throws IOException {
    return switch (response.headers().firstValue("Content-Encoding").orElse("identity")) {
      case "gzip" -> new GZIPInputStream(response.body());
      case "br" -> new ArrivingBrotli(response.body());
      default -> response.body();
    };
  }

  @Test
  void aStreamedPageIsCompressedAsThePageWouldBe() throws IOException {
    TestHttp.Response gzip = server.anonymous().header("Accept-Encoding", "gzip").get("/billing").expectStatus(200);
    assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
    String gunzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gzip.bytes())).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gunzipped).contains(fragment("header", HEADER_HTML)).endsWith("</html>\n");

    if (Brotli4jLoader.isAvailable()) {
      TestHttp.Response brotli = server.anonymous().header("Accept-Encoding", "gzip, br").get("/billing").expectStatus(200);
      assertThat(brotli.header("Content-Encoding")).isEqualTo("br");
      String decoded = new String(Decoder.decompress(brotli.bytes()).getDecompressedData(), StandardCharsets.UTF_8);
      assertThat(decoded).contains(fragment("header", HEADER_HTML)).endsWith("</html>\n");
    }
  }

  @Test
  void aChildADeveloperOverridesGetsNoFragmentAndAHeadRequestFetchesNone() {
    String cookie = DevOverrides.COOKIE + "="
        + new DevOverrides(Map.of("billing", URI.create("http://localhost:5173/main.js"))).cookieValue();

    String page = server.anonymous().header("Cookie", cookie).get("/billing").expectStatus(200).text();

    // The deployed version's markup is not what the developer's code draws.
    assertThat(page).contains(OUTLET_START + "</main>").contains(fragment("header", HEADER_HTML));

    asked.remove("header");
    server.anonymous().head("/billing").expectStatus(200);
    assertThat(asked).doesNotContainKey("header");
  }

  @Test
  void aFragmentServiceMustBeAnHttpUrlWithAShortTimeout() {
    assertThatThrownBy(() -> new ShellProperties.Fragment(URI.create("file:///etc/passwd"), null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fragments.<app>.url: file:///etc/passwd is not an http(s) URL");
    assertThatThrownBy(() -> new ShellProperties.Fragment(URI.create("http://ssr.internal/f"), Duration.ofMinutes(1), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fragments.<app>.timeout must be between 1 ms and PT10S, was PT1M");
    assertThat(new ShellProperties.Fragment(URI.create("http://ssr.internal/f"), null, false).timeout())
        .isEqualTo(Duration.ofMillis(500));
  }

  /**
   * Brotli decoded as it arrives, as a browser decodes a page: brotli4j's own input stream waits
   * for more input before it hands out what it could already decode.
   */
  private static final class ArrivingBrotli extends InputStream {

    private final InputStream raw;
    private final DecoderJNI.Wrapper decoder = new DecoderJNI.Wrapper(8192);
    private ByteBuffer decoded = ByteBuffer.allocate(0);

    ArrivingBrotli(InputStream raw) throws IOException {
      this.raw = raw;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      while (!decoded.hasRemaining()) {
        if (decoder.hasOutput()) {
          decoded = decoder.pull();
          continue;
        }
        switch (decoder.getStatus()) {
          case DONE -> {
            return -1;
          }
          case NEEDS_MORE_INPUT -> {
            ByteBuffer input = decoder.getInputBuffer();
            input.clear();
            byte[] chunk = new byte[input.capacity()];
            int n = raw.read(chunk);
            if (n < 0) {
              throw new IOException("the brotli stream ended early");
            }
            input.put(chunk, 0, n);
            decoder.push(n);
          }
          case OK, NEEDS_MORE_OUTPUT -> decoder.push(0);
          default -> throw new IOException("corrupt brotli: " + decoder.getStatus());
        }
      }
      int n = Math.min(length, decoded.remaining());
      decoded.get(bytes, offset, n);
      return n;
    }

    @Override
    public void close() throws IOException {
      decoder.destroy();
      raw.close();
    }
  }
}
