package io.pergola.e2e;

import com.microsoft.playwright.Page;
import io.pergola.server.testkit.LoginServers;
import java.util.List;

/**
 * The same login flow in Chromium against a real Keycloak as external provider, with the realm
 * from the repository: audiences as optional client scopes with audience mappers, groups in a
 * {@code groups} claim. Runs in the {@code keycloak} Maven profile, which {@code .ci/run} enables.
 */
class KeycloakLoginInChromiumTest extends LoginFlowInChromium {

  private KeycloakServer keycloak;

  @Override
  List<String> loginArgs() throws Exception {
    keycloak = KeycloakServer.start();
    return List.of(
        "--pergola.login.provider=external",
        "--pergola.login.issuer-uri=" + keycloak.issuer(),
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

  @Override
  void stopProvider() {
    if (keycloak != null) {
      keycloak.close();
    }
  }
}
