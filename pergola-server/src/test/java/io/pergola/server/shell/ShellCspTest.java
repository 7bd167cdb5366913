package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellCspTest {

  private static ShellProperties.Layout layout(
      List<String> stylesheets, List<String> connectSrc, List<String> imgSrc, List<String> fontSrc, List<String> styleSrc) {
    return new ShellProperties.Layout("Shop", Map.of(), List.of(), stylesheets, null, null, connectSrc, imgSrc, fontSrc, styleSrc, true, Map.of());
  }

  @Test
  void onTheShellsOwnOriginScriptsNeedTheResponsesNonce() {
    String csp = new ShellCsp(ShellProperties.Layout.DEFAULT, "").withNonce("abc");

    assertThat(csp)
        .isEqualTo(
            "default-src 'self'; script-src 'nonce-abc' 'strict-dynamic'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
                + " frame-ancestors 'self'");
  }

  @Test
  void assetsOnAnotherOriginMayStyleShowLoadAndBeFetched() {
    String csp = new ShellCsp(ShellProperties.Layout.DEFAULT, "https://cdn.example.com:8443/registry").withNonce("n");

    assertThat(csp)
        .contains("style-src 'self' 'unsafe-inline' https://cdn.example.com:8443;")
        .contains("img-src 'self' data: https://cdn.example.com:8443;")
        .contains("connect-src 'self' https://cdn.example.com:8443;")
        .contains("font-src 'self' https://cdn.example.com:8443;")
        .contains("script-src 'nonce-n' 'strict-dynamic';");
  }

  @Test
  void theLayoutsStylesheetURLsAndExtraSourcesAreAllowedEachOnce() {
    ShellProperties.Layout layout =
        layout(
            List.of("https://fonts.example.net/css?family=Inter", "design-system/styles.css", "/local.css"),
            List.of("https://api.example.com"),
            List.of("https://images.example.com"),
            List.of("https://fonts.example.net"),
            List.of("https://fonts.example.net"));

    String csp = new ShellCsp(layout, "").withNonce("n");

    assertThat(csp)
        .contains("style-src 'self' 'unsafe-inline' https://fonts.example.net;")
        .contains("img-src 'self' data: https://images.example.com;")
        .contains("connect-src 'self' https://api.example.com;")
        .contains("font-src 'self' https://fonts.example.net;");
  }

  @Test
  void theLayoutsIconURLMayBeShown() {
    ShellProperties.Layout layout = new ShellProperties.Layout(
        "Shop", Map.of(), List.of(), List.of(), "https://static.example.org/shop.ico", null, List.of(), List.of(), List.of(), List.of(), true, Map.of());

    assertThat(new ShellCsp(layout, "").withNonce("n")).contains("img-src 'self' data: https://static.example.org;");
  }

  @Test
  void anIconURLWithoutAHostIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new ShellProperties.Layout(
            "Shop", Map.of(), List.of(), List.of(), "https:///shop.ico", null, List.of(), List.of(), List.of(), List.of(), true, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pergola.shell.layouts.<env>.icon: https:///shop.ico is neither app/path (design-system/icon.svg)");
  }

  @Test
  void aSourceThatIsNotOneOriginIsRefusedAtStartUp() {
    assertThatThrownBy(() -> layout(List.of(), List.of(), List.of(), List.of("https://fonts.example.com; script-src *"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pergola.shell.layouts.<env>.font-src")
        .hasMessageContaining("is not an http(s) origin");
  }

  @Test
  void aStylesheetURLThatDoesNotParseIsRefusedAtStartUp() {
    assertThatThrownBy(() -> layout(List.of("https://cdn example.com/site.css"), List.of(), List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pergola.shell.layouts.<env>.stylesheets")
        .hasMessageContaining("https://cdn example.com/site.css");
    assertThatThrownBy(() -> layout(List.of("https:///site.css"), List.of(), List.of(), List.of(), List.of()))
        .hasMessageContaining("is neither app/path");
  }

  @Test
  void onlyAbsoluteHttpURLsHaveAnOrigin() {
    assertThat(ShellCsp.originOf("https://a.example/x.css")).contains("https://a.example");
    assertThat(ShellCsp.originOf("http://a.example:8080")).contains("http://a.example:8080");
    assertThat(ShellCsp.originOf("/styles.css")).isEmpty();
    assertThat(ShellCsp.originOf("design-system/styles.css")).isEmpty();
    assertThat(ShellCsp.originOf("")).isEmpty();
  }
}
