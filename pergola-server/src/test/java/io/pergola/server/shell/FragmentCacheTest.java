package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which answers a fragment service lets the shell keep, for how long, and for which pages. */
class FragmentCacheTest {

  private long now = 1_000_000_000L;
  private final FragmentCache cache = new FragmentCache(() -> now);
  private final ShellProperties.Fragment service =
      new ShellProperties.Fragment(URI.create("http://billing.internal/fragment"), Duration.ofMillis(500), false);

  /** Headers from name, value pairs. */
  private static HttpHeaders headers(String... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], name -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }

  private static Optional<Duration> fresh(boolean authorized, String... pairs) {
    return FragmentCache.freshness(headers(pairs), authorized);
  }

  private FragmentCache.Key key(String path, String language) {
    return FragmentCache.Key.of(service, new FragmentRequest(path, "billing", "1.0.0", "production", 7, language, null));
  }

  @Test
  void anAnswerIsKeptForItsMaxAgeLessItsAge() {
    assertThat(fresh(false, "Cache-Control", "max-age=60")).contains(Duration.ofSeconds(60));
    assertThat(fresh(false, "Cache-Control", "public, max-age=60", "Age", "15")).contains(Duration.ofSeconds(45));
    assertThat(fresh(false, "Cache-Control", "max-age=60, s-maxage=\"10\"")).contains(Duration.ofSeconds(10));
    assertThat(fresh(false, "Cache-Control", "max-age=60", "Age", "60")).isEmpty();
    assertThat(fresh(false, "Cache-Control", "max-age=31536000")).contains(Duration.ofDays(1));
  }

  @Test
  void anAnswerThatDoesNotSaySoOrForbidsItIsNotKept() {
    for (String[] refused : List.of(
        new String[] {},
        new String[] {"Cache-Control", "public"},
        new String[] {"Cache-Control", "max-age=soon"},
        new String[] {"Cache-Control", "max-age=60, no-store"},
        new String[] {"Cache-Control", "max-age=60", "Cache-Control", "no-cache"},
        new String[] {"Cache-Control", "private, max-age=60"},
        new String[] {"Cache-Control", "max-age=60", "Vary", "*"},
        new String[] {"Cache-Control", "public, max-age=60", "Vary", "Accept-Language, Authorization"})) {
      assertThat(fresh(false, refused)).as(Arrays.toString(refused)).isEmpty();
    }
  }

  @Test
  void anAnswerToAPersonsTokenIsKeptOnlyIfItMayBeShared() {
    assertThat(fresh(true, "Cache-Control", "max-age=60")).isEmpty();
    assertThat(fresh(true, "Cache-Control", "public, max-age=60")).contains(Duration.ofSeconds(60));
    assertThat(fresh(true, "Cache-Control", "s-maxage=30")).contains(Duration.ofSeconds(30));
  }

  @Test
  void aKeptFragmentServesItsOwnPathAndLanguageUntilItExpires() {
    cache.put(key("/billing", "de"), 7, headers("Cache-Control", "max-age=60"), "<h1>Rechnungen</h1>");

    assertThat(cache.get(key("/billing", "de"), 8)).map(hit -> hit.html()).contains(Optional.of("<h1>Rechnungen</h1>"));
    assertThat(cache.get(key("/billing", "en"), 7)).isEmpty();
    assertThat(cache.get(key("/billing/42", "de"), 7)).isEmpty();

    now += Duration.ofSeconds(60).toNanos();
    assertThat(cache.get(key("/billing", "de"), 7)).isEmpty();
  }

  @Test
  void whatASignedInPersonWasSentIsNeverAVisitorsNorTheOtherWayRound() {
    FragmentRequest visitor = new FragmentRequest("/billing", "billing", "1.0.0", "production", 7, null, null);
    FragmentRequest alice = new FragmentRequest("/billing", "billing", "1.0.0", "production", 7, null, "alice-token");
    cache.put(FragmentCache.Key.of(service, visitor), 7, headers("Cache-Control", "public, max-age=60"), "<p>sign in</p>");

    assertThat(cache.get(FragmentCache.Key.of(service, alice), 7)).isEmpty();
    assertThat(cache.get(FragmentCache.Key.of(service, visitor), 7)).isPresent();
  }

  @Test
  void aFragmentThatVariesByRevisionServesOnlyThatRevisionAndANoContentAnswerIsKeptToo() {
    cache.put(key("/billing", null), 7, headers("Cache-Control", "max-age=60", "Vary", "Pergola-Revision"), "<p>r7</p>");
    cache.put(key("/billing/empty", null), 7, headers("Cache-Control", "max-age=60"), null);

    assertThat(cache.get(key("/billing", null), 7)).isPresent();
    assertThat(cache.get(key("/billing", null), 8)).isEmpty();
    assertThat(cache.get(key("/billing/empty", null), 9)).map(hit -> hit.html()).contains(Optional.empty());
  }

  @Test
  void theLeastRecentlyUsedGoFirstWhenTheCacheIsFull() {
    String quarter = "x".repeat((int) (FragmentCache.MAX_CHARS / 4));
    for (int page = 0; page < 4; page++) {
      cache.put(key("/billing/" + page, null), 7, headers("Cache-Control", "max-age=60"), quarter);
    }
    cache.get(key("/billing/0", null), 7); // used again: now the most recent

    cache.put(key("/billing/4", null), 7, headers("Cache-Control", "max-age=60"), "<p>one more</p>");

    assertThat(cache.get(key("/billing/0", null), 7)).isPresent();
    assertThat(cache.get(key("/billing/1", null), 7)).isEmpty();
    assertThat(cache.get(key("/billing/4", null), 7)).isPresent();
  }
}
