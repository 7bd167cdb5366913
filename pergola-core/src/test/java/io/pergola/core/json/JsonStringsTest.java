package io.pergola.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStringsTest {

  @Test
  void quotesAndEscapesWhatJsonRequires() {
    assertThat(JsonStrings.quote("say \"hi\"\\\n\t\u0001")).isEqualTo("\"say \\\"hi\\\"\\\\\\u000a\\u0009\\u0001\"");
  }

  @Test
  void cannotEndTheScriptElementItIsWrittenInto() {
    assertThat(JsonStrings.quote("</script><b>&")).isEqualTo("\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"");
  }

  @Test
  void escapesTheLineSeparatorsThatOldJavaScriptRejectsInStrings() {
    assertThat(JsonStrings.quote("a\u2028b\u2029")).isEqualTo("\"a\\u2028b\\u2029\"");
  }
}
