package io.pergola.server.shell;

import io.pergola.core.manifest.AppName;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One browser's development overrides: app to the URL of its code on the developer's own dev
 * server, which that browser's shell page maps in place of the deployed version's entry (see
 * {@code pergola.shell.dev-overrides}). They live in a cookie of that browser only, so nobody
 * else's page changes.
 *
 * <p>Only loopback URLs are taken ({@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8},
 * {@code [::1]}): whoever tricks a browser into an override can at most make it load code from
 * that same machine, not from a server of theirs. The cookie is read as untrusted input: an
 * entry that is not a loopback URL is dropped, never used.
 *
 * @param urls app name to its override URL, in app-name order
 */
record DevOverrides(Map<String, URI> urls) {

  static final String COOKIE = "pergola_dev_overrides";
  static final DevOverrides NONE = new DevOverrides(Map.of());

  /** Browsers keep cookies of about 4 KB; a longer value would be dropped without a word. */
  static final int MAX_COOKIE_LENGTH = 3800;

  DevOverrides {
    urls = Collections.unmodifiableMap(new TreeMap<>(urls));
  }

  boolean isEmpty() {
    return urls.isEmpty();
  }

  /** The overrides a cookie value holds; entries that are not an app and a loopback URL are left out. */
  static DevOverrides fromCookie(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    Map<String, URI> urls = new LinkedHashMap<>();
    for (String pair : value.split("&")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      try {
        String app = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
        String url = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        if (refusal(app, url).isEmpty()) {
          urls.put(app, URI.create(url));
        }
      } catch (IllegalArgumentException e) {
        // A malformed entry, as from a hand-edited cookie: ignored like any other refused one.
      }
    }
    return urls.isEmpty() ? NONE : new DevOverrides(urls);
  }

  /** The cookie value holding these overrides. */
  String cookieValue() {
    List<String> pairs = new ArrayList<>();
    urls.forEach((app, url) -> pairs.add(encode(app) + "=" + encode(url.toString())));
    return String.join("&", pairs);
  }

  /**
   * Why {@code url} cannot override {@code app}'s code, in words for the person who typed it, or
   * empty if it can.
   */
  static Optional<String> refusal(String app, String url) {
    try {
      AppName.of(app);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of(app + ": \"" + url + "\" is not a URL (" + e.getReason() + ")");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      return Optional.of(app + ": \"" + url + "\" is not an http(s) URL of a module, like http://localhost:5173/src/main.js");
    }
    if (!isLoopback(uri.getHost())) {
      return Optional.of(app + ": " + uri.getHost() + " is not this machine; overrides load code only from a dev server on"
          + " localhost, 127.0.0.1 or [::1], so that no link can point a browser at somebody else's code");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      return Optional.of(app + ": \"" + url + "\" must name a module without user info or #fragment");
    }
    return Optional.empty();
  }

  private static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost")
        || name.endsWith(".localhost")
        || name.equals("[::1]")
        || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /**
   * The origins the overridden code comes from, and their WebSocket twins (a dev server's live
   * reload connects back to it): what the page's policy must let those children reach.
   */
  Set<String> origins() {
    if (urls.isEmpty()) {
      return Set.of(); // every page view without overrides asks: nothing to make
    }
    Set<String> origins = new LinkedHashSet<>();
    for (URI url : urls.values()) {
      String origin = ShellCsp.originOf(url.toString()).orElseThrow();
      origins.add(origin);
      origins.add(origin.replaceFirst("^http", "ws")); // https://x → wss://x
    }
    return origins;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
