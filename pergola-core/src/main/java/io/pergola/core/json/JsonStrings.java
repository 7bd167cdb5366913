package io.pergola.core.json;

/**
 * JSON string literals for the few documents Pergola writes by hand, on hot paths where a JSON
 * library would cost more than the document. Also safe inside an HTML script element: {@code <},
 * {@code >} and {@code &} are escaped, so {@code </script>} cannot end it.
 */
public final class JsonStrings {

  private JsonStrings() {}

  /** {@code text} as a quoted JSON string. */
  public static String quote(String text) {
    StringBuilder json = new StringBuilder(text.length() + 8);
    appendQuoted(json, text);
    return json.toString();
  }

  /** Appends {@code text} to {@code json} as a quoted JSON string. */
  public static void appendQuoted(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '<' -> json.append("\\u003c");
        case '>' -> json.append("\\u003e");
        case '&' -> json.append("\\u0026");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
