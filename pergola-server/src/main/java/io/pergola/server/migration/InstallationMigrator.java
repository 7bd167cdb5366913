package io.pergola.server.migration;

import io.pergola.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Moves an installation to other storage, e.g. the embedded H2 database and blob directory to
 * PostgreSQL and an S3 bucket, without losing anything: every blob, then every row, in the order
 * their references require, then counts compared.
 *
 * <p>Blobs go first and rows last, in one transaction, as in a publish: if the move stops half
 * way, the target holds unreferenced blobs at most, and running it again completes it. The
 * target database must hold no data yet (a fresh schema is created by the same Flyway
 * migrations the server runs); the source must not be in use.
 */
public final class InstallationMigrator {

  /** Tables in the order foreign keys allow inserting them. */
  static final List<String> TABLES =
      List.of(
          "teams", "api_tokens", "apps", "app_versions", "version_files", "version_withdrawals", "environments",
          "revisions", "revision_deployments", "audit_entries");

  private InstallationMigrator() {}

  /** What was moved: rows per table, and blobs. */
  public record Report(Map<String, Long> rows, long blobs) {}

  public static Report migrate(
      DataSource source,
      BlobStore sourceBlobs,
      DataSource target,
      BlobStore targetBlobs,
      Consumer<String> progress)
      throws IOException, SQLException {
    migrateSchema(source);
    migrateSchema(target);
    requireEmpty(target);
    long blobs = copyBlobs(sourceBlobs, targetBlobs, progress);
    Map<String, Long> rows = copyRows(source, target, progress);
    verify(target, rows);
    return new Report(rows, blobs);
  }

  private static void migrateSchema(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  /** Only the schema and its seed (an empty production environment) may be there. */
  private static void requireEmpty(DataSource target) throws SQLException {
    try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : List.of("teams", "apps", "app_versions", "environments where current_revision > 0")) {
        try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
          count.next();
          if (count.getLong(1) > 0) {
            throw new IllegalStateException(
                "The target database already holds data (in " + table.split(" ")[0] + "); migrate into a new,"
                    + " empty database");
          }
        }
      }
    }
  }

  private static long copyBlobs(BlobStore from, BlobStore to, Consumer<String> progress) throws IOException {
    long copied = 0;
    Path temp = Files.createTempFile("pergola-migrate-", ".blob");
    try (Stream<BlobStore.StoredBlob> blobs = from.list()) {
      for (BlobStore.StoredBlob blob : (Iterable<BlobStore.StoredBlob>) blobs::iterator) {
        try (InputStream in = from.open(blob.sha256())) {
          Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        to.put(blob.sha256(), temp);
        if (++copied % 500 == 0) {
          progress.accept("Copied " + copied + " blobs");
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    progress.accept("Copied " + copied + " blobs");
    return copied;
  }

  private static Map<String, Long> copyRows(DataSource source, DataSource target, Consumer<String> progress)
      throws SQLException {
    Map<String, Long> copied = new LinkedHashMap<>();
    try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
      to.setAutoCommit(false);
      try (Statement clear = to.createStatement()) {
        // The target's own seed (an empty production environment) gives way to the source's.
        for (String table : TABLES.reversed()) {
          clear.execute("delete from " + table);
        }
      }
      for (String table : TABLES) {
        copied.put(table, copyTable(from, to, table));
        progress.accept("Copied " + copied.get(table) + " rows of " + table);
      }
      to.commit();
    }
    return copied;
  }

  private static long copyTable(Connection from, Connection to, String table) throws SQLException {
    long rows = 0;
    try (Statement select = from.createStatement(); ResultSet result = select.executeQuery("select * from " + table)) {
      ResultSetMetaData meta = result.getMetaData();
      int columns = meta.getColumnCount();
      StringBuilder names = new StringBuilder();
      StringBuilder marks = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        names.append(i > 1 ? ", " : "").append(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
        marks.append(i > 1 ? ", ?" : "?");
      }
      try (PreparedStatement insert =
          to.prepareStatement("insert into " + table + " (" + names + ") values (" + marks + ")")) {
        while (result.next()) {
          for (int i = 1; i <= columns; i++) {
            insert.setObject(i, result.getObject(i));
          }
          insert.addBatch();
          if (++rows % 1000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
    }
    return rows;
  }

  private static void verify(DataSource target, Map<String, Long> expected) throws SQLException {
    try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
      for (Map.Entry<String, Long> table : expected.entrySet()) {
        try (ResultSet count = statement.executeQuery("select count(*) from " + table.getKey())) {
          count.next();
          if (count.getLong(1) != table.getValue()) {
            throw new IllegalStateException(
                table.getKey() + " has " + count.getLong(1) + " rows after the move, expected " + table.getValue());
          }
        }
      }
    }
  }
}
