package io.pergola.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pergola.server.testkit.FragmentServices;
import io.pergola.server.testkit.LoginServers;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TcpRelay;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same login flow in Chromium against a real Keycloak as external provider, with the realm
 * from the repository: audiences as optional client scopes with audience mappers, groups in a
 * {@code groups} claim. Runs in the {@code keycloak} Maven profile, which {@code .ci/run} enables.
 */
class KeycloakLoginInChromiumTest extends LoginFlowInChromium {

  private KeycloakServer keycloak;
  private TcpRelay link;
  private FragmentServices fragments;

  @Override
  List<String> loginArgs() throws Exception {
    keycloak = KeycloakServer.start();
    // Keycloak names itself by the address it is asked at: through the relay, for the browser and
    // for Pergola alike, so the link to it can be cut.
    link = TcpRelay.to(keycloak.issuer().getPort());
    URI issuer = URI.create("http://127.0.0.1:" + link.port() + keycloak.issuer().getPath());
    // who-wc's team renders its page on the server, for the signed-in person.
    fragments = FragmentServices.start().html("/who-wc", exchange ->
        exchange.getRequestHeaders().containsKey("Authorization") ? "<p>who-wc for you</p>" : "<p>who-wc for anybody</p>");
    return List.of(
        "--pergola.login.provider=external",
        "--pergola.login.issuer-uri=" + issuer,
        "--pergola.login.provider-timeout=2s",
        "--pergola.shell.layouts.production.fragments.who-wc.url=" + fragments.url("/who-wc"),
        "--pergola.shell.layouts.production.fragments.who-wc.token=true",
        "--pergola.shell.layouts.production.fragments.who-wc.timeout=5s",
        "--pergola.login.client-id=pergola-shell",
        "--pergola.login.client-secret=pergola-shell-test-secret",
        // Keycloak's offline_access means offline tokens; its ordinary refresh tokens suffice.
        "--pergola.login.scopes=openid,profile,email",
        "--pergola.login.audiences[0]=wc-api",
        "--pergola.login.audiences[1]=mod-api",
        "--pergola.login.audiences[2]=spa-api");
  }

  @Override
  void submitSignInForm(Page page) {
    page.fill("#username", LoginServers.ALICE);
    page.fill("#password", LoginServers.ALICE_PASSWORD);
    page.click("#kc-login");
  }

  @Override
  String signInFormSelector() {
    return "#kc-form-login";
  }

  @Test
  void aProviderThatStopsAnsweringSignsNobodyOutAndTokensComeBackWithIt() throws InterruptedException {
    signIn("/who-mod");
    assertThat(waitForText("#who-mod-api", "api ")).startsWith("api alice mod-api ");

    // who-wc's audience has no token in the session yet: the shell must renew the login for it.
    link.cut();
    String whileCut = tokenAnswer("who-wc");
    String pageWhileCut = pageHtml("/who-wc");
    link.restore();
    String afterwards = tokenOnceTheProviderHasRested("who-wc");
    String pageAfterwards = pageHtml("/who-wc");

    // Before, a provider that could not be reached ended the session: everybody signed out.
    assertThat(whileCut).isEqualTo("503 urn:pergola:problem:provider-unavailable");
    assertThat(afterwards).isEqualTo("200");
    // Without Alice's token her page goes without who-wc's fragment, not with anybody's.
    assertThat(pageWhileCut).contains("<title>").doesNotContain("who-wc for");
    assertThat(pageAfterwards).contains("<p>who-wc for you</p>");
    page().evaluate("window.pergola.navigate('/who-wc')");
    assertThat(waitForText("#who-wc-api", "api ")).startsWith("api alice wc-api ");
  }

  @Test
  void whileTheProviderCannotRenewATokenOneStillValidIsHandedOutAndTheProviderIsLeftToRest()
      throws InterruptedException {
    signIn("/who-mod");
    waitForText("#who-mod-api", "api ");
    Map<?, ?> first = tokenResponse("who-mod");
    long expiresAt = ((Number) first.get("expires_at")).longValue() * 1000;
    // Keycloak's tokens here live 12 s; the shell renews one when less than half of that is left.
    Thread.sleep(Math.max(0, expiresAt - 5_500 - System.currentTimeMillis()));

    double keptBefore = renewals("kept");
    link.cut();
    String unreachable = tokenAnswer("who-wc"); // no token kept for wc-api: the provider is asked
    int calls = link.accepted();
    Map<?, ?> kept = tokenResponse("who-mod"); // due for renewal now, and still valid a few seconds
    String resting = tokenAnswer("who-spa");
    int callsAfter = link.accepted();
    link.restore();
    String back = tokenOnceTheProviderHasRested("who-spa");

    assertThat(unreachable).isEqualTo("503 urn:pergola:problem:provider-unavailable");
    assertThat(kept.get("status")).isEqualTo(200);
    assertThat(kept.get("access_token")).isEqualTo(first.get("access_token"));
    // Left to rest: neither of the later requests called the provider, and spa-api got no token.
    assertThat(resting).isEqualTo("503 urn:pergola:problem:provider-unavailable");
    assertThat(callsAfter).isEqualTo(calls);
    assertThat(back).isEqualTo("200");
    assertThat(renewals("kept")).isEqualTo(keptBefore + 1);
    assertThat(renewals("unavailable")).isGreaterThanOrEqualTo(2);
  }

  private double renewals(String outcome) {
    Counter counter =
        server().context().getBean(MeterRegistry.class).find("pergola.login.renewals").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private String pageHtml(String path) {
    return (String) page().evaluate("async (path) => (await fetch(path)).text()", path);
  }

  /** The token endpoint's answer for {@code app} once the provider's rest is over (as Retry-After says). */
  private String tokenOnceTheProviderHasRested(String app) throws InterruptedException {
    String answer = tokenAnswer(app);
    for (int attempt = 0; attempt < 15 && answer.startsWith("503 "); attempt++) {
      Thread.sleep(1_000);
      answer = tokenAnswer(app);
    }
    return answer;
  }

  @Override
  void stopProvider() {
    Resources.closeAll(link, fragments, keycloak);
  }
}
