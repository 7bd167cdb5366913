package io.pergola.server.login;

import static io.pergola.server.testkit.LoginServers.ALICE;
import static io.pergola.server.testkit.LoginServers.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pergola.server.identity.SigningKeys;
import io.pergola.server.testkit.BrowserSession;
import io.pergola.server.testkit.LoginServers;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The shell's login as the protocol sees it: sign-in through the embedded provider back to the
 * deep link, tokens per child audience from the token endpoint, the cross-site guard, logout at
 * the shell and the provider, and key rotation.
 */
class LoginTest {

  private static PergolaTestServer server;

  @BeforeAll
  static void start() {
    server = PergolaTestServer.start(PergolaTestServer.tempDir(), LoginServers.embeddedArgs().toArray(String[]::new));
    TestHttp billing = server.newTeam("billing");
    LoginServers.deployChild(server, billing, "billing", "billing", "/billing", "billing-api");
    LoginServers.deployChild(server, billing, "billing", "quiet", "/quiet");
    LoginServers.deployChild(server, billing, "billing", "greedy", "/greedy", "payroll-api");
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server);
  }

  private BrowserSession signedIn() {
    BrowserSession browser = new BrowserSession(server.baseUrl());
    browser.signIn("/billing", ALICE, ALICE_PASSWORD);
    return browser;
  }

  @Test
  void aVisitorIsSentToSignInAndComesBackToTheDeepLink() {
    BrowserSession browser = new BrowserSession(server.baseUrl());

    HttpResponse<String> form = browser.get("/billing/invoices/42?tab=lines");
    HttpResponse<String> landed = browser.signIn("/billing/invoices/42?tab=lines", ALICE, ALICE_PASSWORD);

    assertThat(form.uri().getPath()).isEqualTo("/idp/login");
    assertThat(landed.uri().toString()).isEqualTo(server.baseUrl() + "/billing/invoices/42?tab=lines");
    assertThat(landed.statusCode()).isEqualTo(200);
    assertThat(landed.body()).contains("\"user\":{\"sub\":\"alice\"").contains("\"name\":\"Alice Example\"");
  }

  @Test
  void everySignedInUserSeesTheirOwnClaimsOnTheSamePage() {
    BrowserSession alice = signedIn();
    BrowserSession bob = new BrowserSession(server.baseUrl());
    bob.signIn("/billing", LoginServers.BOB, LoginServers.BOB_PASSWORD);

    // Signed-in pages are kept per revision with a placeholder for the claims: each request
    // must still get its own user's, and nobody else's.
    for (int view = 0; view < 2; view++) {
      String alicesPage = alice.get("/billing").body();
      String bobsPage = bob.get("/billing").body();
      assertThat(alicesPage).contains("\"user\":{\"sub\":\"alice\"").doesNotContain("\"sub\":\"bob\"");
      assertThat(bobsPage).contains("\"user\":{\"sub\":\"bob\"").doesNotContain("\"sub\":\"alice\"");
      assertThat(alicesPage + bobsPage).doesNotContain("\\u0000user");
    }
  }

  @Test
  void aSignedInPageMayBeFramedByItsOwnOriginAsItsPolicySays() {
    HttpResponse<String> page = signedIn().get("/billing");

    // Spring Security's own DENY would contradict the policy's frame-ancestors 'self'.
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).endsWith("frame-ancestors 'self'");
    assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
  }

  @Test
  void aSignedInPageAsksForTheFirstTokenOfTheChildOnShowThatCallsApisBeforeAnythingElse() {
    BrowserSession browser = signedIn();

    String billing = browser.get("/billing").body();
    String quiet = browser.get("/quiet").body();

    // billing declares an audience: its token is asked for by the first script in the head, an
    // async module (no stylesheet holds it up) with the response's nonce, which hands the
    // response to the runtime.
    String head = billing.substring(billing.indexOf("<head>"), billing.indexOf("</head>"));
    String script = head.substring(head.indexOf("<script "), head.indexOf("</script>"));
    assertThat(head.indexOf("<script ")).isLessThan(head.indexOf("<link ")).isLessThan(head.indexOf("importmap"));
    assertThat(script)
        .startsWith("<script type=\"module\" async nonce=\"")
        .contains("for(const u of [\"/auth/token?app=billing\"])(t[u]=fetch(u,{headers:{\"X-Pergola-Token-Request\":\"1\"}}))");
    assertThat(head).contains("self.pergolaTokens=");
    // quiet declares none, and gets no token; nor does a page nobody is signed in to.
    assertThat(quiet).doesNotContain("pergolaTokens");
    assertThat(new BrowserSession(server.baseUrl()).get("/help/faq").body()).doesNotContain("pergolaTokens");
  }

  @Test
  void pageViewsWithinAMinuteLeaveTheStoredSessionsAsTheyWere() {
    BrowserSession browser = signedIn();
    JdbcTemplate db = server.context().getBean(JdbcTemplate.class);
    String lastAccesses = "select session_id, last_access_time from spring_session order by session_id";
    List<Map<String, Object>> before = db.queryForList(lastAccesses);

    for (int view = 0; view < 3; view++) {
      assertThat(browser.get("/billing").body()).contains("\"user\":{\"sub\":\"alice\"");
    }

    // Spring Session would move the signed-in session's last access, a write, on every view.
    assertThat(db.queryForList(lastAccesses)).isEqualTo(before);
  }

  @Test
  void wrongPasswordStaysOnTheSignInForm() {
    HttpResponse<String> answer = new BrowserSession(server.baseUrl()).signIn("/billing", ALICE, "guess");

    assertThat(answer.uri().getPath()).isEqualTo("/idp/login");
    assertThat(answer.body()).contains("Wrong username or password");
  }

  @Test
  void guessingAPasswordLocksTheUsernameForAWhileWhateverIsTriedThenAndNobodyElse() {
    List<HttpResponse<String>> guesses = new ArrayList<>();
    for (int guess = 1; guess <= 5; guess++) {
      guesses.add(new BrowserSession(server.baseUrl()).signIn("/billing", LoginServers.CAROL, "guess-" + guess));
    }
    HttpResponse<String> right =
        new BrowserSession(server.baseUrl()).signIn("/billing", LoginServers.CAROL, LoginServers.CAROL_PASSWORD);
    HttpResponse<String> madeUp = null;
    for (int guess = 1; guess <= 5; guess++) {
      madeUp = new BrowserSession(server.baseUrl()).signIn("/billing", "nobody-at-all", "guess-" + guess);
    }

    assertThat(guesses.subList(0, 4)).allSatisfy(answer -> assertThat(answer.body()).contains("Wrong username or password"));
    assertThat(guesses.get(4).body()).contains("Too many wrong passwords in a row for this username: try again in 30 seconds");
    // The right password too, while the lock lasts: guessing has to wait, not only guessing wrong.
    assertThat(right.uri().getPath()).isEqualTo("/idp/login");
    assertThat(right.body()).contains("Too many wrong passwords").doesNotContain("\"sub\":\"carol\"");
    // A username nobody has is locked alike: the lock does not tell which usernames exist.
    assertThat(madeUp.body()).contains("Too many wrong passwords");
    assertThat(signedIn().get("/billing").body()).contains("\"user\":{\"sub\":\"alice\"");
  }

  @Test
  void aSignInStartedElsewhereShowsAPageToTryAgainInsteadOfAnotherTripToTheProvider() {
    BrowserSession browser = new BrowserSession(server.baseUrl());

    HttpResponse<String> answer = browser.get(LoginProperties.REDIRECT_PATH + "?code=made-up&state=made-up");

    // Spring's default sent the browser back to the provider, which signs a person with a
    // session there straight in again: a loop. The page stops at the shell and says why.
    assertThat(answer.uri().getPath()).isEqualTo(LoginProperties.REDIRECT_PATH);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(answer.body())
        .contains("Sign-in did not complete")
        .contains("started in another tab")
        .contains("<a class=\"way\" href=\"" + SignInEntryPoint.AUTHORIZATION_PATH + "\">Try again</a>");
  }

  @Test
  void aCodeTheProviderRefusesIsExplainedAndTryingAgainStillLandsOnTheDeepLink() {
    BrowserSession browser = new BrowserSession(server.baseUrl());
    HttpResponse<String> form = browser.get("/billing/invoices/7");
    String state = authorizationState(form);

    HttpResponse<String> refused = browser.get(LoginProperties.REDIRECT_PATH + "?code=forged&state=" + state);
    HttpResponse<String> again = browser.signIn(SignInEntryPoint.AUTHORIZATION_PATH, ALICE, ALICE_PASSWORD);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("did not accept this sign-in").contains("Error: invalid_grant");
    assertThat(again.uri().toString()).isEqualTo(server.baseUrl() + "/billing/invoices/7");
    assertThat(again.body()).contains("\"user\":{\"sub\":\"alice\"");
  }

  /** The {@code state} of the authorization request a redirect chain went through. */
  private static String authorizationState(HttpResponse<String> landed) {
    for (HttpResponse<String> hop = landed; hop != null; hop = hop.previousResponse().orElse(null)) {
      String query = hop.uri().getRawQuery();
      if (query != null && hop.uri().getPath().endsWith("/authorize")) {
        for (String parameter : query.split("&")) {
          if (parameter.startsWith("state=")) {
            return parameter.substring("state=".length());
          }
        }
      }
    }
    throw new AssertionError("No authorization request on the way to " + landed.uri());
  }

  @Test
  void publicRoutesOpenWithoutSigningIn() {
    HttpResponse<String> help = new BrowserSession(server.baseUrl()).get("/help/faq");

    assertThat(help.uri().getPath()).isEqualTo("/help/faq");
    assertThat(help.body()).contains("\"auth\":{\"tokenUrl\":\"/auth/token\",\"logoutUrl\":\"/auth/logout\",\"user\":null}");
  }

  @Test
  void theShellsOwnPagesBesidesTheRuntimeAreBehindTheSignIn() {
    TestHttp.Response overrides = server.anonymous().get("/pergola/dev-overrides");

    assertThat(overrides.status()).isEqualTo(302);
    assertThat(overrides.header("Location")).endsWith(SignInEntryPoint.AUTHORIZATION_PATH);
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteAndTheOnlyThingTheBrowserHolds() {
    // The session starts at the first protected page, which redirects to sign in.
    TestHttp.Response redirect = server.anonymous().get("/billing");

    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.raw().headers().allValues("set-cookie"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("PERGOLA_SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
    BrowserSession browser = signedIn();
    String token = browser.token("billing");
    assertThat(browser.get("/billing").body()).doesNotContain("access_token").doesNotContain(token);
  }

  @Test
  void aChildGetsATokenOnlyForTheAudiencesItDeclares() {
    double renewedBefore = renewals("renewed");
    BrowserSession browser = signedIn();

    JsonNode billing = BrowserSession.claims(browser.token("billing"));
    JsonNode api = BrowserSession.claims(browser.token(null));

    assertThat(billing.get("aud").isArray() ? billing.get("aud").get(0).asString() : billing.get("aud").asString())
        .isEqualTo("billing-api");
    assertThat(billing.toString()).doesNotContain("shipping-api").doesNotContain("\"pergola\"");
    assertThat(billing.get("sub").asString()).isEqualTo(ALICE);
    assertThat(api.toString()).contains("\"aud\":\"pergola\"");
    // Each audience set's token was a renewal at the provider, counted for the operators.
    assertThat(renewals("renewed")).isGreaterThanOrEqualTo(renewedBefore + 2);
  }

  private static double renewals(String outcome) {
    Counter counter =
        server.context().getBean(MeterRegistry.class).find("pergola.login.renewals").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void tokensAskedForAtOnceRightAfterSignInAreAllGiven() throws Exception {
    // As a page's first-token script and a dashboard ask: several at once, on a session that
    // holds none yet, so each request adds the same attributes to it.
    BrowserSession browser = signedIn();

    List<Integer> statuses;
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> answers = new ArrayList<>();
      for (String app : new String[] {null, null, "billing", "billing", null, "billing"}) {
        answers.add(threads.submit(() -> browser.runtimeCall("GET", app == null ? "/auth/token" : "/auth/token?app=" + app).statusCode()));
      }
      statuses = new ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get());
      }
    }

    assertThat(statuses).containsOnly(200);
    // And the session still holds the sign-in.
    assertThat(BrowserSession.claims(browser.token(null)).get("sub").asString()).isEqualTo(ALICE);
  }

  @Test
  void aChildWithoutAudiencesOrWithUnconfiguredOnesGetsNoToken() {
    BrowserSession browser = signedIn();

    HttpResponse<String> quiet = browser.runtimeCall("GET", "/auth/token?app=quiet");
    HttpResponse<String> greedy = browser.runtimeCall("GET", "/auth/token?app=greedy");
    HttpResponse<String> unknown = browser.runtimeCall("GET", "/auth/token?app=nowhere");

    assertThat(quiet.statusCode()).isEqualTo(403);
    assertThat(BrowserSession.json(quiet).get("detail").asString()).contains("declares no \"audiences\"");
    assertThat(greedy.statusCode()).isEqualTo(403);
    assertThat(BrowserSession.json(greedy).get("detail").asString()).contains("payroll-api");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void theTokenEndpointRefusesRequestsFromOtherOriginsOrWithoutItsHeader() {
    BrowserSession browser = signedIn();

    HttpResponse<String> otherOrigin =
        browser.runtimeCall("GET", "/auth/token", "Origin", "http://127.0.0.1:1");
    HttpResponse<String> crossSite =
        browser.runtimeCall("GET", "/auth/token", "Sec-Fetch-Site", "same-site");
    HttpResponse<String> plain = browser.get("/auth/token");

    assertThat(List.of(otherOrigin.statusCode(), crossSite.statusCode(), plain.statusCode()))
        .containsOnly(403);
    assertThat(otherOrigin.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    assertThat(otherOrigin.body()).doesNotContain("access_token");
  }

  @Test
  void withoutASessionTheTokenEndpointAnswers401() {
    HttpResponse<String> answer = new BrowserSession(server.baseUrl()).runtimeCall("GET", "/auth/token");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(BrowserSession.json(answer).get("type").asString()).isEqualTo("urn:pergola:problem:not-signed-in");
  }

  @Test
  void logoutEndsTheSessionAtTheShellAndAtTheProvider() {
    BrowserSession browser = signedIn();
    browser.token("billing"); // a refresh gives the provider a new ID token: logout must still work

    HttpResponse<String> logout = browser.runtimeCall("POST", "/auth/logout");
    String redirect = BrowserSession.json(logout).get("redirect").asString();
    HttpResponse<String> atProvider = browser.get(redirect);

    assertThat(redirect).startsWith(server.baseUrl() + "/connect/logout?id_token_hint=");
    assertThat(atProvider.statusCode()).isEqualTo(200);
    assertThat(browser.runtimeCall("GET", "/auth/token").statusCode()).isEqualTo(401);
    // The provider forgot the sign-in too: the next protected page asks for the password again.
    assertThat(browser.get("/billing").uri().getPath()).isEqualTo("/idp/login");
  }

  @Test
  void rotatedKeysArePublishedBesideThePreviousOne() {
    BrowserSession browser = signedIn();
    String before = browser.token(null);
    SigningKeys keys = server.context().getBean(SigningKeys.class);

    keys.rotate();

    JsonNode jwks = server.anonymous().get("/oauth2/jwks").expectStatus(200).json();
    assertThat(jwks.get("keys").size()).isEqualTo(2);
    assertThat(jwks.toString()).doesNotContain("\"d\":"); // public parts only
    assertThat(server.withToken(before).get("/api/apps").status()).isEqualTo(200);
  }
}
