package io.pergola.server.login;

import io.pergola.server.telemetry.Throttle;
import io.pergola.server.web.DatabaseOutages;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes the expired sessions from the database once a minute, as Spring Session's own job
 * would (turned off: {@code spring.session.jdbc.cleanup-cron: "-"}), but while the database is
 * out of reach with one warning a minute, not an error and its stack trace on every run; the
 * next run deletes what this one could not.
 */
final class ExpiredSessionsSweep {

  private static final Logger log = LoggerFactory.getLogger(ExpiredSessionsSweep.class);

  private final Runnable cleanUp;
  private final Throttle warnings = new Throttle(Duration.ofMinutes(1));

  /** {@code cleanUp}: the store's own deletion of expired sessions. */
  ExpiredSessionsSweep(Runnable cleanUp) {
    this.cleanUp = cleanUp;
  }

  @Scheduled(cron = "0 * * * * *")
  void sweep() {
    try {
      cleanUp.run();
    } catch (RuntimeException failure) {
      if (!DatabaseOutages.unreachable(failure)) {
        throw failure;
      }
      if (warnings.due("sweep")) {
        log.warn("Expired sessions not deleted: the database cannot be reached ({}); said at most once a minute",
            failure.toString());
      }
    }
  }
}
