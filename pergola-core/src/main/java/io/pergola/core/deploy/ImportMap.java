package io.pergola.core.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An import map as the HTML standard defines it: bare specifiers to URLs, and Subresource
 * Integrity for the module URLs. {@link #toJson()} writes it deterministically (the map's order)
 * so the same revision always gives the same bytes.
 */
public record ImportMap(Map<String, String> imports, Map<String, String> integrity) {

  public ImportMap {
    imports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(imports));
    integrity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(integrity));
  }

  /** The import map's JSON text, e.g. for a {@code <script type="importmap">}. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{\"imports\":{");
    appendObject(json, imports);
    json.append("},\"integrity\":{");
    appendObject(json, integrity);
    return json.append("}}").toString();
  }

  private static void appendObject(StringBuilder json, Map<String, String> entries) {
    boolean first = true;
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      appendString(json, entry.getKey());
      json.append(':');
      appendString(json, entry.getValue());
    }
  }

  /** JSON string escaping that is also safe inside an HTML script element ({@code </script>}). */
  private static void appendString(StringBuilder json, String text) {
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
