package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.server.testkit.PergolaTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShellTemplateTest {

  @Test
  void aLayoutsTemplateFramesThePageWithTheSlotsWhereItPutsThem() throws Exception {
    Path dir = PergolaTestServer.tempDir();
    Path template =
        Files.writeString(
            dir.resolve("shell.html"),
            """
            <!doctype html><html><head><title>Acme</title><!-- pergola:head --></head>
            <body><div class="frame"><!-- pergola:slot nav --><section><!-- pergola:outlet --></section></div>
            <footer>© Acme</footer></body></html>
            """);
    try (PergolaTestServer server =
        PergolaTestServer.start(
            dir.resolve("data"),
            "--pergola.shell.layouts.production.template=" + template,
            "--pergola.shell.layouts.production.slots.nav=menu",
            "--pergola.shell.layouts.production.slots.banner=promo")) {

      String html = server.anonymous().get("/").expectStatus(200).text();

      assertThat(html).startsWith("<!doctype html><html><head><title>Acme</title><script type=\"importmap\"");
      assertThat(html).contains("id=\"pergola-config\"").contains("<footer>© Acme</footer>");
      assertThat(html).contains("<div class=\"frame\"><div id=\"pergola-slot-nav\"></div>");
      assertThat(html)
          .contains("<section><div id=\"pergola-slot-banner\"></div>\n<main id=\"pergola-outlet\"></main>");
    // The runtime last in the body, after every slot and the outlet it looks up.
    assertThat(html).containsPattern("<footer>© Acme</footer><script type=\"module\" async [^>]+></script>\n</body></html>");
    }
  }
}
