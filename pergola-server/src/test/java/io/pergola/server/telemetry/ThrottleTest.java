package io.pergola.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final Throttle throttle =
      new Throttle(Duration.ofMinutes(1), new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      });

  @Test
  void aWarningIsDueOncePerPeriodAndKey() {
    assertThat(throttle.due("billing")).isTrue();
    assertThat(throttle.due("billing")).isFalse();
    assertThat(throttle.due("shipping")).isTrue();

    now = now.plusSeconds(59);
    assertThat(throttle.due("billing")).isFalse();

    now = now.plusSeconds(1);
    assertThat(throttle.due("billing")).isTrue();
    assertThat(throttle.due("billing")).isFalse();
  }
}
