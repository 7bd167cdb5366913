package io.pergola.server.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;

/** Telling a failure that came of the database being out of reach from any other. */
public final class DatabaseOutages {

  private DatabaseOutages() {}

  /** Whether {@code failure} came of not reaching the database: refused, or no connection in time. */
  public static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
    }
    return false;
  }
}
