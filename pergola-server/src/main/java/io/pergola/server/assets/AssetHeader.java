package io.pergola.server.assets;

import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The headers the asset origin writes, with their names as the bytes Tomcat writes. A name handed
 * to Tomcat as a String goes through a character encoder on every response, as a value would
 * ({@link HeaderBytes}); in profiles of the asset path under wrk that encoding was 6-11 % of the
 * samples, for names alone once the values were bytes.
 */
enum AssetHeader {
  CONTENT_TYPE("Content-Type"),
  CONTENT_ENCODING("Content-Encoding"),
  CACHE_CONTROL("Cache-Control"),
  ETAG("ETag"),
  VARY("Vary"),
  X_CONTENT_TYPE_OPTIONS("X-Content-Type-Options"),
  CROSS_ORIGIN_RESOURCE_POLICY("Cross-Origin-Resource-Policy"),
  ACCESS_CONTROL_ALLOW_ORIGIN("Access-Control-Allow-Origin"),
  TIMING_ALLOW_ORIGIN("Timing-Allow-Origin");

  private final byte[] name;

  AssetHeader(String name) {
    this.name = HeaderBytes.of(name);
  }

  /**
   * Adds this header, which the response does not have yet. Tomcat keeps both arrays as they are
   * and copies them into the output buffer, so shared constants are never written to.
   */
  void add(MimeHeaders headers, byte[] value) {
    headers.addValue(name, 0, name.length).setBytes(value, 0, value.length);
  }
}
