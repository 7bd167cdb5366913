package io.pergola.e2e;

import com.microsoft.playwright.Page;
import io.pergola.server.testkit.LoginServers;
import java.util.List;

/** The login flow in Chromium with Pergola's embedded OpenID provider. */
class LoginInChromiumTest extends LoginFlowInChromium {

  @Override
  List<String> loginArgs() {
    return LoginServers.embeddedArgs(
        "--pergola.login.audiences[2]=wc-api",
        "--pergola.login.audiences[3]=mod-api",
        "--pergola.login.audiences[4]=spa-api",
        "--pergola.identity.access-token-lifetime=12s");
  }

  @Override
  void submitSignInForm(Page page) {
    page.fill("input[name=username]", LoginServers.ALICE);
    page.fill("input[name=password]", LoginServers.ALICE_PASSWORD);
    page.click("button[type=submit]");
  }

  @Override
  String signInFormSelector() {
    return "form[action='/idp/login']";
  }
}
