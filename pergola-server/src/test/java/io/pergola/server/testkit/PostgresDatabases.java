package io.pergola.server.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty PostgreSQL databases for tests, on the real server that {@code .ci/run} starts on
 * loopback (Debian's package). Where to connect comes from {@code PERGOLA_TEST_POSTGRES_URL},
 * {@code _USER} and {@code _PASSWORD}, defaulting to what {@code .ci/run} creates.
 *
 * <p>Without a reachable server the calling test is skipped with the reason, except in CI ({@code
 * CI=true}), where that is a failure.
 */
public final class PostgresDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String URL =
      env("PERGOLA_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/pergola_test");
  private static final String USER = env("PERGOLA_TEST_POSTGRES_USER", "pergola_test");
  private static final String PASSWORD = env("PERGOLA_TEST_POSTGRES_PASSWORD", "pergola_test");

  private PostgresDatabases() {}

  /** Spring arguments for a Pergola server on a new empty database. */
  public static String[] freshDatabaseArgs() {
    String name = "pergola_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      if (COUNTER.get() == 1) {
        dropLeftoversOfEndedRuns(statement);
      }
      statement.execute("create database " + name);
    } catch (SQLException e) {
      boolean ci = "true".equals(System.getenv("CI"));
      if (ci) {
        throw new IllegalStateException("PostgreSQL at " + URL + " is required in CI", e);
      }
      assumeTrue(false, "No PostgreSQL at " + URL + " (" + e.getMessage() + "); .ci/run starts one");
    }
    return new String[] {
      "--spring.datasource.url=" + URL.substring(0, URL.lastIndexOf('/') + 1) + name,
      "--spring.datasource.username=" + USER,
      "--spring.datasource.password=" + PASSWORD
    };
  }

  /** Databases of test JVMs that have ended; a run leaves its own for a person to inspect. */
  private static void dropLeftoversOfEndedRuns(Statement statement) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows =
        statement.executeQuery(
            "select datname from pg_database where datname ~ '^pergola_t[0-9]+_[0-9]+$'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    for (String name : names) {
      long pid = Long.parseLong(name.substring("pergola_t".length(), name.indexOf('_', 9)));
      if (ProcessHandle.of(pid).isEmpty()) {
        statement.execute("drop database if exists " + name);
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
