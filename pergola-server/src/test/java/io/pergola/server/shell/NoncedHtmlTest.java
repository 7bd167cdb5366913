package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoncedHtmlTest {

  private static final String SLOT = "\u0000NONCE\u0000";

  private static String filled(String html, String nonce) {
    return new String(NoncedHtml.of(html, SLOT).withNonce(nonce), StandardCharsets.UTF_8);
  }

  @Test
  void putsTheNonceWhereverThePlaceholderWas() {
    String html = "<script nonce=\"" + SLOT + "\">a</script><script nonce=\"" + SLOT + "\">b</script>";

    assertThat(filled(html, "n0nce")).isEqualTo("<script nonce=\"n0nce\">a</script><script nonce=\"n0nce\">b</script>");
  }

  @Test
  void keepsTextOutsideAsciiAndPlaceholdersAtEitherEnd() {
    assertThat(filled(SLOT + "Grüße – 日本" + SLOT, "x")).isEqualTo("xGrüße – 日本x");
  }

  @Test
  void aPageWithoutPlaceholderIsServedAsItIs() {
    assertThat(filled("<p>no scripts</p>", "x")).isEqualTo("<p>no scripts</p>");
  }
}
