package io.pergola.server.login;

import static io.pergola.server.testkit.LoginServers.ALICE;
import static io.pergola.server.testkit.LoginServers.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.server.testkit.BrowserSession;
import io.pergola.server.testkit.FragmentServices;
import io.pergola.server.testkit.LoginServers;
import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.Resources;
import io.pergola.server.testkit.TestHttp;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A fragment service that asks for it renders the signed-in person's view: their page sends it
 * the access token the child itself gets, for the child's audiences only; other fragments, and
 * children that declare no audiences, get none.
 */
class SignedInFragmentsTest {

  private static final String NONE = "(none)";
  private static FragmentServices services;
  private static PergolaTestServer server;
  /** The Authorization header each fragment service last received, by app. */
  private static final Map<String, String> authorizations = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    services = FragmentServices.start();
    for (String app : new String[] {"billing", "quiet", "shipping"}) {
      services.html("/" + app, exchange -> {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.put(app, authorization == null ? NONE : authorization);
        return "<p>" + app + (authorization == null ? " for anybody" : " for you") + "</p>";
      });
    }
    String fragments = "--pergola.shell.layouts.production.fragments.";
    server = PergolaTestServer.start(
        PergolaTestServer.tempDir(),
        LoginServers.embeddedArgs(
                fragments + "billing.url=" + services.url("/billing"),
                fragments + "billing.token=true",
                // Generous: the first renewal at a cold provider may be slow, and this tests no time.
                fragments + "billing.timeout=5s",
                fragments + "quiet.url=" + services.url("/quiet"),
                fragments + "quiet.token=true",
                fragments + "quiet.timeout=5s",
                fragments + "shipping.url=" + services.url("/shipping"),
                fragments + "shipping.timeout=5s")
            .toArray(String[]::new));
    TestHttp billing = server.newTeam("billing");
    LoginServers.deployChild(server, billing, "billing", "billing", "/billing", "billing-api");
    LoginServers.deployChild(server, billing, "billing", "quiet", "/quiet");
    LoginServers.deployChild(server, billing, "billing", "shipping", "/shipping", "shipping-api");
  }

  @AfterAll
  static void stop() {
    Resources.closeAll(server, services);
  }

  @Test
  void aFragmentThatTakesTheTokenGetsThePersonsTokenForTheChildsAudiencesOnly() {
    BrowserSession alice = new BrowserSession(server.baseUrl());
    alice.signIn("/billing", ALICE, ALICE_PASSWORD);

    String page = alice.get("/billing").body();

    assertThat(page).contains("<p>billing for you</p>");
    String authorization = authorizations.get("billing");
    assertThat(authorization).startsWith("Bearer ");
    JsonNode claims = BrowserSession.claims(authorization.substring("Bearer ".length()));
    assertThat(claims.get("sub").asString()).isEqualTo(ALICE);
    assertThat(claims.get("aud").toString()).contains("billing-api").doesNotContain("shipping-api");
    // The same token the child gets in the browser: one renewal served both.
    assertThat(alice.token("billing")).isEqualTo(authorization.substring("Bearer ".length()));
  }

  @Test
  void fragmentsThatDoNotTakeItOrChildrenWithoutAudiencesGetNoToken() {
    BrowserSession alice = new BrowserSession(server.baseUrl());
    alice.signIn("/shipping", ALICE, ALICE_PASSWORD);

    assertThat(alice.get("/shipping").body()).contains("<p>shipping for anybody</p>");
    assertThat(alice.get("/quiet").body()).contains("<p>quiet for anybody</p>");

    assertThat(authorizations.get("shipping")).isEqualTo(NONE);
    assertThat(authorizations.get("quiet")).isEqualTo(NONE);
  }
}
