package io.pergola.server.shell;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Fragments their services said may be kept, as a shared HTTP cache keeps responses (RFC 9111,
 * the part a fragment needs): for {@code s-maxage} or {@code max-age} seconds less the answer's
 * {@code Age}, never with {@code no-store}, {@code no-cache} or {@code private}. One is kept per
 * service URL, app, version, environment, page path and {@code Accept-Language}, apart for
 * requests that carried a person's token; the revision only when the answer says {@code Vary:
 * Pergola-Revision}. An answer to a request that carried a person's token is kept only if it says
 * it may be shared ({@code public} or {@code s-maxage}), since the next signed-in person gets it;
 * {@code Vary: Authorization} or {@code Vary: *} keeps nothing. At most {@link #MAX_CHARS}
 * characters of HTML are kept, the least recently used going first, and none for longer than a day.
 */
final class FragmentCache {

  /** A day at most, whatever the service says: a fragment is part of pages that change. */
  static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

  /** 8 Mi characters, 16 MiB of strings: hundreds of pages' fragments. */
  static final long MAX_CHARS = 8L << 20;

  /**
   * Which fragment: everything the service was told but the revision and the token, and whether
   * it was told a person's token at all, so what a visitor got is never a signed-in person's, nor
   * the other way round, even from a service that forgets {@code Vary: Authorization}.
   */
  record Key(
      String url, String app, String version, String environment, String path, String acceptLanguage, boolean personal) {
    static Key of(ShellProperties.Fragment fragment, FragmentRequest request) {
      return new Key(
          fragment.url().toString(), request.app(), request.version(), request.environment(), request.path(),
          request.acceptLanguage(), request.accessToken() != null);
    }
  }

  /**
   * @param html the fragment, null for a 204 (no fragment for that page)
   * @param revision the revision it is for, null if it is for any
   */
  private record Entry(String html, long expiresAtNanos, Long revision) {
    long chars() {
      return html == null ? 0 : html.length();
    }
  }

  /** What a cached lookup found: the fragment (empty for a kept 204). */
  record Hit(Optional<String> html) {}

  private final LongSupplier nanoTime;
  private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long chars;

  FragmentCache() {
    this(System::nanoTime);
  }

  FragmentCache(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** The kept fragment for {@code key} and {@code revision}, if there is one still fresh. */
  synchronized Optional<Hit> get(Key key, long revision) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
      remove(key);
      return Optional.empty();
    }
    if (entry.revision() != null && entry.revision() != revision) {
      return Optional.empty();
    }
    return Optional.of(new Hit(Optional.ofNullable(entry.html())));
  }

  /** Keeps {@code html} (null: a 204) if the answer's headers let it be kept. */
  synchronized void put(Key key, long revision, HttpHeaders headers, String html) {
    Optional<Duration> fresh = freshness(headers, key.personal());
    if (fresh.isEmpty() || (html != null && html.length() > MAX_CHARS / 4)) {
      return;
    }
    remove(key);
    Entry entry =
        new Entry(html, nanoTime.getAsLong() + fresh.get().toNanos(), vary(headers).contains("pergola-revision") ? revision : null);
    entries.put(key, entry);
    chars += entry.chars();
    // Iterated, not looked up: a lookup in an access-ordered map reorders it.
    var eldest = entries.values().iterator();
    while (chars > MAX_CHARS && eldest.hasNext()) {
      chars -= eldest.next().chars();
      eldest.remove();
    }
  }

  private void remove(Key key) {
    Entry old = entries.remove(key);
    if (old != null) {
      chars -= old.chars();
    }
  }

  /** How long an answer with these headers may be kept; empty: not at all. */
  static Optional<Duration> freshness(HttpHeaders headers, boolean authorized) {
    Map<String, String> control = directives(headers);
    String vary = vary(headers);
    if (control.containsKey("no-store") || control.containsKey("no-cache") || control.containsKey("private")
        || vary.contains("*") || vary.contains("authorization")) {
      return Optional.empty();
    }
    Long shared = seconds(control.get("s-maxage"));
    Long lifetime = shared != null ? shared : seconds(control.get("max-age"));
    if (lifetime == null || (authorized && shared == null && !control.containsKey("public"))) {
      return Optional.empty();
    }
    long age = headers.firstValue("Age").map(FragmentCache::seconds).orElse(0L);
    long left = lifetime - (age < 0 ? 0 : age);
    return left > 0 ? Optional.of(Duration.ofSeconds(Math.min(left, MAX_SECONDS))) : Optional.empty();
  }

  private static Map<String, String> directives(HttpHeaders headers) {
    Map<String, String> directives = new LinkedHashMap<>();
    for (String line : headers.allValues("Cache-Control")) {
      for (String directive : line.split(",")) {
        String[] parts = directive.trim().split("=", 2);
        if (!parts[0].isEmpty()) {
          directives.put(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1].replace("\"", "").trim() : "");
        }
      }
    }
    return directives;
  }

  private static String vary(HttpHeaders headers) {
    return String.join(",", headers.allValues("Vary")).toLowerCase(Locale.ROOT);
  }

  /** Delta-seconds (RFC 9111 §1.2.2); null when absent or not a number. */
  private static Long seconds(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException notSeconds) {
      return null;
    }
  }
}
