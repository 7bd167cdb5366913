package io.pergola.server.system;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time a row records: now, in UTC, to the microsecond both databases keep, so what an answer
 * says of a row it just wrote is what a later read of it says.
 */
public final class DatabaseTime {

  private DatabaseTime() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
