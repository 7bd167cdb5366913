package io.pergola.server.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing at the embedded provider's sign-in form: a username may fail
 * {@value #FREE_FAILURES} times in a row, then every attempt for it, right or wrong, is refused
 * for {@link #FIRST_LOCK}, twice as long after each further failure, {@link #LONGEST_LOCK} at
 * most. Signing in resets it. Unknown usernames count as known ones do, so the lock says nothing
 * about which exist; at most {@value #TRACKED} usernames are remembered, the least recently
 * tried one not locked going first, so made-up names neither fill the memory nor free a locked
 * username. Per node, like the rest of the embedded provider.
 */
final class SignInThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  static final int TRACKED = 10_000;

  /** A username's failures since it last signed in, and until when it is refused. */
  private record Failures(int count, Instant lockedUntil) {}

  private final Clock clock;
  /** Least recently tried first. */
  private final Map<String, Failures> byUsername = new LinkedHashMap<>(16, 0.75f, true);

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How much longer {@code username} is refused; empty when it may try. */
  synchronized Optional<Duration> lockedFor(String username) {
    Failures failures = byUsername.get(key(username));
    if (failures == null || failures.lockedUntil() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), failures.lockedUntil());
    return left.isPositive() ? Optional.of(left) : Optional.empty();
  }

  /** Counts a failed attempt; returns how long the username is now locked, if it is. */
  synchronized Optional<Duration> failed(String username) {
    Failures before = byUsername.get(key(username));
    if (before == null) {
      makeRoom();
    }
    int count = before == null ? 1 : before.count() + 1;
    if (count < FREE_FAILURES) {
      byUsername.put(key(username), new Failures(count, null));
      return Optional.empty();
    }
    int doublings = Math.min(count - FREE_FAILURES, 10);
    Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
    lock = lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    byUsername.put(key(username), new Failures(count, clock.instant().plus(lock)));
    return Optional.of(lock);
  }

  /**
   * Makes room for one more username: forgets the least recently tried that is not locked now, so
   * a flood of made-up names cannot free a username somebody is guessing at (only the oldest
   * lock, when every remembered username is locked).
   */
  private void makeRoom() {
    if (byUsername.size() < TRACKED) {
      return;
    }
    Instant now = clock.instant();
    var eldest = byUsername.values().iterator();
    while (eldest.hasNext()) {
      Failures failures = eldest.next();
      if (failures.lockedUntil() == null || !failures.lockedUntil().isAfter(now)) {
        eldest.remove();
        return;
      }
    }
    byUsername.remove(byUsername.keySet().iterator().next());
  }

  /** Forgets the username's failures: it signed in. */
  synchronized void succeeded(String username) {
    byUsername.remove(key(username));
  }

  private static String key(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }
}
