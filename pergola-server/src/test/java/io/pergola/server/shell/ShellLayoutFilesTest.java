package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.server.testkit.PergolaTestServer;
import org.junit.jupiter.api.Test;

/** The files a layout names by {@code app/path} while that app has nothing deployed. */
class ShellLayoutFilesTest {

  @Test
  void aStylesheetOrIconOfAnAppWithNoVersionDeployedIsLeftOffThePage() {
    try (PergolaTestServer server =
        PergolaTestServer.start(
            PergolaTestServer.tempDir(),
            "--pergola.shell.layouts.production.stylesheets[0]=design-system/styles.css",
            "--pergola.shell.layouts.production.stylesheets[1]=/site.css",
            "--pergola.shell.layouts.production.icon=design-system/icon.svg")) {

      String html = server.anonymous().get("/").expectStatus(200).text();

      // Not a relative URL, which would fetch the shell's not-found page in their place.
      assertThat(html).doesNotContain("design-system");
      assertThat(html).contains("<link rel=\"stylesheet\" href=\"/site.css\">");
      // The page still declares its icon empty, so the browser asks for no /favicon.ico.
      assertThat(html).contains("<link rel=\"icon\" href=\"data:,\">");
    }
  }
}
