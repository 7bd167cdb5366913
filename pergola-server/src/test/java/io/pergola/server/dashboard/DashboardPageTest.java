package io.pergola.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.server.testkit.PergolaTestServer;
import io.pergola.server.testkit.TestHttp;
import org.junit.jupiter.api.Test;

/** The dashboard's page and files on a shell without a login (the shared server). */
class DashboardPageTest {

  private final PergolaTestServer server = PergolaTestServer.shared();

  @Test
  void thePageLoadsItsScriptUnderAPolicyThatAllowsOnlyThisServer() {
    TestHttp.Response page = server.anonymous().get("/pergola/dashboard").expectStatus(200);

    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Cache-Control")).contains("no-store");
    assertThat(page.header("Content-Security-Policy"))
        .contains("script-src 'self';")
        .contains("connect-src 'self';")
        .contains("frame-ancestors 'none'");
    // Without a login the person gives an API token; the page says which.
    assertThat(page.text()).contains("data-login=\"false\"").containsPattern("src=\"/pergola/dashboard/dashboard.js\\?v=[0-9a-f]{16}\"");
  }

  @Test
  void itsFilesAreRevalidatedByTheirETag() {
    TestHttp.Response script = server.anonymous().get("/pergola/dashboard/dashboard.js").expectStatus(200);

    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(script.text()).contains("If-Match");
    server.anonymous().header("If-None-Match", script.header("ETag")).get("/pergola/dashboard/dashboard.js").expectStatus(304);
    assertThat(server.anonymous().get("/pergola/dashboard/dashboard.css").expectStatus(200).header("Content-Type")).startsWith("text/css");
  }
}
