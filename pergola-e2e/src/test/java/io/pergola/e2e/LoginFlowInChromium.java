package io.pergola.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One login for every child, in real Chromium, whatever the provider: the user signs in once;
 * children of three integration styles show the user and call their own team's API, which
 * validates the token; tokens are renewed without a navigation; logout from one child signs out
 * all; the deep link survives sign-in; another origin cannot get a token. Each subclass names a
 * provider and how its sign-in form is filled in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoginFlowInChromium {

  private PergolaTestServer server;
  private Chromium chromium;
  private HttpServer otherOrigin;
  private BrowserContext context;
  private Page page;

  /**
   * The server's login arguments: audiences {@code wc-api}, {@code mod-api}, {@code spa-api},
   * and access tokens short enough (about 12 s) that a test sees the runtime renew them.
   */
  abstract List<String> loginArgs() throws Exception;

  /** Fills in and submits the provider's sign-in form, shown on {@code page}, as Alice. */
  abstract void submitSignInForm(Page page);

  /** A selector present only on the provider's sign-in form. */
  abstract String signInFormSelector();

  /** Stops whatever the subclass started besides Pergola. */
  void stopProvider() {}

  @BeforeAll
  void start() throws Exception {
    chromium = Chromium.launch();
    List<String> args = loginArgs();
    server =
        PergolaTestServer.start(
            new Class<?>[] {TeamApiFixture.class}, PergolaTestServer.tempDir(), args.toArray(String[]::new));
    FixtureChildren.deploy(server, "who", "who-wc", "who-mod", "who-spa");
    // A page on another port of the same host: same-site, so the browser sends the session
    // cookie along; only Pergola's own checks stand between it and a token.
    otherOrigin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    otherOrigin.createContext(
        "/",
        exchange -> {
          byte[] body = "<!doctype html><title>elsewhere</title>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    otherOrigin.start();
  }

  @AfterAll
  void stop() {
    if (otherOrigin != null) {
      otherOrigin.stop(0);
    }
    Resources.closeAll(server, chromium);
    stopProvider();
  }

  @BeforeEach
  void openPage() {
    context = chromium.browser().newContext();
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  final void signIn(String path) {
    page.navigate(server.baseUrl() + path);
    page.waitForSelector(signInFormSelector());
    submitSignInForm(page);
  }

  final String waitForText(String selector, String prefix) {
    page.waitForFunction(
        "([selector, prefix]) => { const el = document.querySelector(selector)"
            + " ?? document.querySelector('who-wc')?.shadowRoot?.querySelector(selector);"
            + " return el && el.textContent.startsWith(prefix); }",
        List.of(selector, prefix));
    return (String)
        page.evaluate(
            "(selector) => (document.querySelector(selector)"
                + " ?? document.querySelector('who-wc')?.shadowRoot?.querySelector(selector)).textContent",
            selector);
  }

  /** What the token endpoint answers this page for {@code app}: the status, and a problem's type. */
  final String tokenAnswer(String app) {
    Map<?, ?> answer = tokenResponse(app);
    return answer.get("status") + (answer.get("type") != null ? " " + answer.get("type") : "");
  }

  /** The token endpoint's JSON answer to this page for {@code app}, with its {@code status}. */
  final Map<?, ?> tokenResponse(String app) {
    return (Map<?, ?>)
        page.evaluate(
            "async (app) => { const r = await fetch('/auth/token?app=' + app,"
                + " {headers: {'X-Pergola-Token-Request': '1'}});"
                + " return {...(await r.json()), status: r.status}; }",
            app);
  }

  final Page page() {
    return page;
  }

  final PergolaTestServer server() {
    return server;
  }

  @Test
  void signsInOnceAndEveryChildShowsTheUserAndCallsItsOwnApi() {
    signIn("/who-mod");
    assertThat(waitForText("#who-mod-user", "user ")).isEqualTo("user Alice Example");
    assertThat(waitForText("#who-mod-api", "api ")).startsWith("api alice mod-api ");
    page.evaluate("window.signedInOnce = true");

    page.evaluate("window.pergola.navigate('/who-wc')");
    assertThat(waitForText("#who-wc-user", "user ")).isEqualTo("user Alice Example");
    assertThat(waitForText("#who-wc-api", "api ")).startsWith("api alice wc-api ");

    page.evaluate("window.pergola.navigate('/who-spa')");
    assertThat(waitForText("#who-spa-user", "user ")).isEqualTo("user Alice Example");
    assertThat(waitForText("#who-spa-api", "api ")).startsWith("api alice spa-api ");

    assertThat(page.evaluate("window.signedInOnce")).isEqualTo(true); // never reloaded or asked again
    assertThat(page.url()).isEqualTo(server.baseUrl() + "/who-spa");
  }

  @Test
  void aChildsFirstTokenIsFetchedOnceWhileItsCodeIsStillLoading() {
    signIn("/who-mod");
    waitForText("#who-mod-api", "api ");
    List<String> traffic = Collections.synchronizedList(new ArrayList<>());
    page.onRequest(request -> traffic.add("sent " + pathAndQuery(request.url())));
    page.onRequestFinished(request -> traffic.add("received " + pathAndQuery(request.url())));

    page.evaluate("window.pergola.navigate('/who-spa')");
    assertThat(waitForText("#who-spa-api", "api ")).startsWith("api alice spa-api ");

    // The runtime asked for the token as it started loading the child (its manifest declares an
    // audience), not once the child had mounted and called getToken(), which shared that request.
    String tokenSent = "sent /auth/token?app=who-spa";
    String codeReceived =
        traffic.stream().filter(line -> line.startsWith("received /assets/who-spa/")).findFirst().orElseThrow();
    assertThat(traffic).containsOnlyOnce(tokenSent);
    assertThat(traffic.indexOf(tokenSent)).isLessThan(traffic.indexOf(codeReceived));
  }

  @Test
  void theFirstViewsTokenIsAskedForByThePageBeforeTheRuntimeHasStartedAndOnlyOnce() {
    // Notes each token request the page makes, and whether the runtime had started by then.
    page.addInitScript(
        "const fetchOfPage = window.fetch; window.tokenRequests = [];"
            + " window.fetch = function (url, init) {"
            + "   if (String(url).startsWith('/auth/token')) tokenRequests.push(url + (window.pergola ? ' by the runtime' : ' before it'));"
            + "   return fetchOfPage.call(this, url, init); };");
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    page.onRequest(request -> sent.add(pathAndQuery(request.url())));

    signIn("/who-mod");
    assertThat(waitForText("#who-mod-api", "api ")).startsWith("api alice mod-api ");

    // The page asked for who-mod's token as it was parsed; the runtime took that answer for the
    // child's getToken() instead of asking again.
    assertThat(page.evaluate("window.tokenRequests")).asList().containsExactly("/auth/token?app=who-mod before it");
    assertThat(sent).containsOnlyOnce("/auth/token?app=who-mod");
  }

  private static String pathAndQuery(String url) {
    URI uri = URI.create(url);
    return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  @Test
  void theDeepLinkSurvivesSignIn() {
    signIn("/who-mod/orders/42?view=lines");

    waitForText("#who-mod-user", "user ");
    assertThat(page.url()).isEqualTo(server.baseUrl() + "/who-mod/orders/42?view=lines");
  }

  @Test
  void anExpiringTokenIsRenewedSilentlyWithoutANavigation() {
    signIn("/who-mod");
    String first = waitForText("#who-mod-api", "api ");
    page.evaluate("window.beforeRenewal = true");

    // The runtime renews the 12 s token ahead of its expiry and tells the child (onChange),
    // which calls its API again with the new token.
    page.waitForFunction(
        "(first) => { const t = document.querySelector('#who-mod-api').textContent;"
            + " return t.startsWith('api ') && t !== first; }",
        first,
        new Page.WaitForFunctionOptions().setTimeout(30_000));

    assertThat(waitForText("#who-mod-api", "api ")).startsWith("api alice mod-api ").isNotEqualTo(first);
    assertThat(page.evaluate("window.beforeRenewal")).isEqualTo(true);
    assertThat(page.url()).isEqualTo(server.baseUrl() + "/who-mod");
  }

  @Test
  void logoutFromOneChildSignsOutEveryChildAndTheProvider() {
    signIn("/who-mod");
    waitForText("#who-mod-api", "api ");

    page.click("#who-mod-logout");

    // Signed out at the shell and the provider: the next page asks for the password again.
    page.waitForSelector(signInFormSelector());
    page.navigate(server.baseUrl() + "/who-wc");
    page.waitForSelector(signInFormSelector());
    assertThat(page.url()).doesNotStartWith(server.baseUrl() + "/who-wc");
  }

  @Test
  void anotherOriginCannotGetAToken() throws InterruptedException {
    signIn("/who-mod");
    waitForText("#who-mod-api", "api ");
    long grantedBefore = settledTokenAnswers("200");
    long refusedBefore = settledTokenAnswers("403");
    page.navigate("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/");

    String tokenUrl = server.baseUrl() + "/auth/token";
    Object plain =
        page.evaluate(
            "async (url) => { try { const r = await fetch(url, {credentials: 'include'});"
                + " return String(r.status); } catch (e) { return 'blocked'; } }",
            tokenUrl);
    Object withHeader =
        page.evaluate(
            "async (url) => { try { const r = await fetch(url, {credentials: 'include',"
                + " headers: {'X-Pergola-Token-Request': '1'}}); return String(r.status); }"
                + " catch (e) { return 'blocked'; } }",
            tokenUrl);

    // The page learns nothing, and the server gave nothing: the plain request was refused (403,
    // the session cookie notwithstanding) and the one with the header never passed the CORS
    // preflight, which Pergola does not grant.
    assertThat(plain).isEqualTo("blocked");
    assertThat(withHeader).isEqualTo("blocked");
    assertThat(tokenAnswersAbove("403", refusedBefore)).isGreaterThan(refusedBefore);
    assertThat(settledTokenAnswers("200")).isEqualTo(grantedBefore);
  }

  /*
   * The server counts a request when its filter chain returns, which is after the answer was
   * flushed to the browser: a count read right after the browser saw an answer may not hold it
   * yet. Hence counts are read until they stop moving, or until they pass a known floor.
   */

  /** The count of token answers with {@code status} once two reads 200 ms apart agree. */
  private long settledTokenAnswers(String status) throws InterruptedException {
    long last = tokenAnswers(status);
    for (int attempt = 0; attempt < 25; attempt++) {
      Thread.sleep(200);
      long now = tokenAnswers(status);
      if (now == last) {
        return now;
      }
      last = now;
    }
    return last;
  }

  /** The count of token answers with {@code status} as soon as it exceeds {@code floor}, or as it is after 5 s. */
  private long tokenAnswersAbove(String status, long floor) throws InterruptedException {
    long count = tokenAnswers(status);
    for (int attempt = 0; attempt < 50 && count <= floor; attempt++) {
      Thread.sleep(100);
      count = tokenAnswers(status);
    }
    return count;
  }

  /** How many token requests (GET; CORS preflights are OPTIONS) the server answered with {@code status}, from its own metrics. */
  private long tokenAnswers(String status) {
    var answer =
        server.anonymous().get("/actuator/metrics/http.server.requests?tag=uri:/auth/token&tag=method:GET&tag=status:" + status);
    return answer.status() == 404 ? 0 : (long) answer.json().get("measurements").get(0).get("value").asDouble();
  }
}
