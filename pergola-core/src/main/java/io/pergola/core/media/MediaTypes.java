package io.pergola.core.media;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The media type a bundle file is served with, by file extension. Module scripts must be served
 * as JavaScript or browsers refuse them, so the table is explicit rather than left to a
 * platform's guess.
 */
public final class MediaTypes {

  /** For files whose extension says nothing known. */
  public static final String FALLBACK = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("cjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("htm", "text/html; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("wasm", "application/wasm"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("avif", "image/avif"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("ttf", "font/ttf"),
          Map.entry("otf", "font/otf"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("md", "text/markdown; charset=utf-8"),
          Map.entry("xml", "application/xml"));

  /** Formats that are already compressed: a pre-compressed variant would only cost bytes. */
  private static final Set<String> ALREADY_COMPRESSED =
      Set.of(
          "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "font/woff",
          "font/woff2");

  private MediaTypes() {}

  /** The media type for a path inside a bundle, e.g. {@code text/javascript; charset=utf-8}. */
  public static String forPath(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= slash || dot == path.length() - 1) {
      return FALLBACK;
    }
    return BY_EXTENSION.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), FALLBACK);
  }

  /** Whether gzip or brotli can make files of this type meaningfully smaller. */
  public static boolean isCompressible(String contentType) {
    return !ALREADY_COMPRESSED.contains(contentType) && !FALLBACK.equals(contentType);
  }
}
