package io.pergola.server.registry;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Absolute URLs of published files: {@code <base>/assets/{app}/{version}/{path}}. */
record AssetUrls(String base) {

  AssetUrls {
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  URI of(String app, String version, String path) {
    StringBuilder url = new StringBuilder(base).append("/assets/").append(app).append('/');
    url.append(encode(version));
    for (String segment : path.split("/")) {
      url.append('/').append(encode(segment));
    }
    return URI.create(url.toString());
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
