package io.pergola.core.deploy;

import io.pergola.core.json.JsonStrings;
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
      JsonStrings.appendQuoted(json, entry.getKey());
      json.append(':');
      JsonStrings.appendQuoted(json, entry.getValue());
    }
  }
}
