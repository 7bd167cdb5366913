package io.pergola.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private Instant now = Instant.parse("2026-12-02T12:00:00Z");
  private final SignInThrottle throttle =
      new SignInThrottle(
          new Clock() {
            @Override
            public ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  private void failTimes(String username, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(username);
    }
  }

  @Test
  void fourFailuresInARowAreFreeAndTheFifthLocksTheUsernameForThirtySeconds() {
    failTimes("carol", 4);
    assertThat(throttle.lockedFor("carol")).isEmpty();

    assertThat(throttle.failed("carol")).contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("carol")).contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("CAROL ")).as("the same username however typed").isPresent();
    assertThat(throttle.lockedFor("dave")).isEmpty();

    now = now.plusSeconds(30);
    assertThat(throttle.lockedFor("carol")).isEmpty();
  }

  @Test
  void eachFailureAfterALockDoublesTheNextUpToFifteenMinutes() {
    failTimes("carol", 5);

    assertThat(throttle.failed("carol")).contains(Duration.ofSeconds(60));
    assertThat(throttle.failed("carol")).contains(Duration.ofSeconds(120));
    failTimes("carol", 20);
    assertThat(throttle.failed("carol")).contains(SignInThrottle.LONGEST_LOCK);
  }

  @Test
  void signingInForgetsTheFailures() {
    failTimes("carol", 4);

    throttle.succeeded("carol");

    assertThat(throttle.failed("carol")).isEmpty();
  }

  @Test
  void aFloodOfOtherUsernamesDoesNotPushOutALockThatStillHolds() {
    failTimes("carol", 5);
    failTimes("dave", 3);
    for (int i = 0; i < SignInThrottle.TRACKED; i++) {
      throttle.failed("made-up-" + i);
    }

    assertThat(throttle.lockedFor("carol")).isPresent();
    // Dave's three failures, not a lock, made room: his next four are free again.
    failTimes("dave", 4);
    assertThat(throttle.lockedFor("dave")).isEmpty();
  }
}
