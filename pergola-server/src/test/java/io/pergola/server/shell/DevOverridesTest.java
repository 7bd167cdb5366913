package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevOverridesTest {

  @Test
  void overridesSurviveTheirCookie() {
    DevOverrides overrides =
        new DevOverrides(Map.of(
            "billing", URI.create("http://localhost:5173/src/main.js?v=1&x=2"),
            "header", URI.create("http://127.0.0.1:8081/header.js")));

    assertThat(DevOverrides.fromCookie(overrides.cookieValue())).isEqualTo(overrides);
  }

  @Test
  void onlyADevServerOnThisMachineCanOverride() {
    assertThat(DevOverrides.refusal("billing", "http://localhost:5173/src/main.js")).isEmpty();
    assertThat(DevOverrides.refusal("billing", "https://billing.localhost/main.js")).isEmpty();
    assertThat(DevOverrides.refusal("billing", "http://127.0.0.2:8080/main.js")).isEmpty();
    assertThat(DevOverrides.refusal("billing", "http://[::1]:5173/main.js")).isEmpty();

    assertThat(DevOverrides.refusal("billing", "https://evil.example.com/main.js"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("evil.example.com is not this machine"));
    assertThat(DevOverrides.refusal("billing", "http://localhost.example.com/main.js")).isPresent();
    assertThat(DevOverrides.refusal("billing", "http://127.0.0.1.example.com/main.js")).isPresent();
    assertThat(DevOverrides.refusal("billing", "http://user@localhost/main.js")).isPresent();
  }

  @Test
  void whatIsNotAnHttpUrlOrAnAppNameIsRefusedInWordsThatSaySo() {
    assertThat(DevOverrides.refusal("billing", "localhost:5173/main.js"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("is not an http(s) URL of a module, like http://localhost:5173/src/main.js"));
    assertThat(DevOverrides.refusal("billing", "javascript:alert(1)")).isPresent();
    assertThat(DevOverrides.refusal("billing", "http://localhost/<script>"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("is not a URL"));
    assertThat(DevOverrides.refusal("Billing!", "http://localhost/main.js"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("app name \"Billing!\" is not valid"));
  }

  @Test
  void aCookieIsUntrustedInputWhoseRefusedEntriesAreDropped() {
    DevOverrides overrides =
        DevOverrides.fromCookie("billing=http%3A%2F%2Flocalhost%3A5173%2Fmain.js&header=https%3A%2F%2Fevil.example.com%2Fx.js&=x&junk&bad=%zz");

    assertThat(overrides.urls()).containsOnlyKeys("billing");
    assertThat(DevOverrides.fromCookie(null)).isEqualTo(DevOverrides.NONE);
    assertThat(DevOverrides.fromCookie("")).isEqualTo(DevOverrides.NONE);
  }

  @Test
  void thePageMayReachTheDevServerAndItsLiveReloadSocket() {
    DevOverrides overrides =
        new DevOverrides(Map.of(
            "billing", URI.create("http://localhost:5173/src/main.js"),
            "header", URI.create("https://header.localhost/main.js")));

    assertThat(overrides.origins())
        .containsExactly("http://localhost:5173", "ws://localhost:5173", "https://header.localhost", "wss://header.localhost");
  }
}
