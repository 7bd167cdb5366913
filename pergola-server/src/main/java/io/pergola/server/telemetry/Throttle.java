package io.pergola.server.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a repeated warning through at most once per period and key: an outage of something the
 * server calls on every request (a fragment service, the identity provider) should say so in the
 * log, not fill it.
 */
public final class Throttle {

  private final Duration period;
  private final Clock clock;
  private final Map<String, Instant> last = new ConcurrentHashMap<>();

  public Throttle(Duration period) {
    this(period, Clock.systemUTC());
  }

  Throttle(Duration period, Clock clock) {
    this.period = period;
    this.clock = clock;
  }

  /** Whether a warning about {@code key} is due now; if so, the next one is a period away. */
  public boolean due(String key) {
    Instant now = clock.instant();
    boolean[] due = {false};
    last.compute(
        key,
        (k, before) -> {
          due[0] = before == null || !now.isBefore(before.plus(period));
          return due[0] ? now : before;
        });
    return due[0];
  }
}
