package io.pergola.server.registry;

import io.pergola.core.semver.SemVer;
import io.pergola.server.system.DatabaseTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Published versions and their files. A version's row and its file rows are inserted in one
 * transaction, so a version is either wholly visible or not at all.
 */
@Repository
public class Versions {

  private static final String VERSION_COLUMNS =
      "app, version, kind, entry, manifest, content_digest, file_count, total_bytes, published_at,"
          + " published_by";

  /** Every version's summary with its withdrawal, if any; add a where clause on {@code v.}. */
  private static final String SUMMARIES =
      "select v.app, v.version, v.kind, v.content_digest, v.file_count, v.total_bytes, v.published_at,"
          + " v.published_by, w.withdrawn_at, w.withdrawn_by, w.reason from app_versions v"
          + " left join version_withdrawals w on w.app = v.app and w.version = v.version";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  Versions(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /**
   * A version without its files, for listings.
   *
   * @param withdrawn why and by whom it was withdrawn; null while it is not
   */
  public record VersionSummary(
      String app,
      String version,
      String kind,
      String contentDigest,
      int fileCount,
      long totalBytes,
      OffsetDateTime publishedAt,
      String publishedBy,
      Withdrawal withdrawn) {}

  /** A version its team took back: served still, deployed anew only when an admin forces it. */
  public record Withdrawal(OffsetDateTime at, String by, String reason) {}

  /** The version with its files, if it is published. */
  public Optional<PublishedVersion> find(String app, String version) {
    // Files are read after the version row, outside its result set: one connection at a time.
    Optional<PublishedVersion> row =
        jdbc.sql("select " + VERSION_COLUMNS + " from app_versions where app = ? and version = ?")
            .params(app, version)
            .query((rs, n) -> version(rs, List.of()))
            .optional();
    return row.map(found -> found.withFiles(files(app, version)));
  }

  /** Whether the version is published (cheaper than {@link #find}). */
  public boolean exists(String app, String version) {
    return jdbc.sql("select count(*) from app_versions where app = ? and version = ?")
            .params(app, version)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The files of a version, by path; empty when the version is not published. */
  public List<PublishedVersion.VersionFile> files(String app, String version) {
    return jdbc.sql(
            "select path, size, sha256, integrity, content_type, gzip_sha256, gzip_size, br_sha256,"
                + " br_size from version_files where app = ? and version = ? order by path")
        .params(app, version)
        .query(
            (rs, row) ->
                new PublishedVersion.VersionFile(
                    rs.getString("path"),
                    rs.getLong("size"),
                    rs.getString("sha256"),
                    rs.getString("integrity"),
                    rs.getString("content_type"),
                    rs.getString("gzip_sha256"),
                    rs.getObject("gzip_size", Long.class),
                    rs.getString("br_sha256"),
                    rs.getObject("br_size", Long.class)))
        .list();
  }

  /** Every version of every app, newest first per app by SemVer precedence. */
  List<VersionSummary> all() {
    return sorted(jdbc.sql(SUMMARIES).query(Versions::summary).list());
  }

  /** The versions of one app, newest first by SemVer precedence. */
  List<VersionSummary> of(String app) {
    return sorted(
        jdbc.sql(SUMMARIES + " where v.app = ?")
            .param(app)
            .query(Versions::summary)
            .list());
  }

  /**
   * Inserts the version and its files in one transaction.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the version exists already
   */
  void insert(PublishedVersion version) {
    transaction.executeWithoutResult(
        status -> {
          jdbc.sql(
                  "insert into app_versions ("
                      + VERSION_COLUMNS
                      + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  version.app(),
                  version.version(),
                  version.kind(),
                  version.entry(),
                  version.manifest(),
                  version.contentDigest(),
                  version.fileCount(),
                  version.totalBytes(),
                  version.publishedAt(),
                  version.publishedBy())
              .update();
          for (PublishedVersion.VersionFile file : version.files()) {
            jdbc.sql(
                    "insert into version_files (app, version, path, size, sha256, integrity,"
                        + " content_type, gzip_sha256, gzip_size, br_sha256, br_size)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                    version.app(),
                    version.version(),
                    file.path(),
                    file.size(),
                    file.sha256(),
                    file.integrity(),
                    file.contentType(),
                    file.gzipSha256(),
                    file.gzipSize(),
                    file.brotliSha256(),
                    file.brotliSize())
                .update();
          }
        });
  }

  /** Whether any version's file (or variant) is stored under this blob key. */
  boolean isReferenced(String sha256) {
    return jdbc.sql(
                "select count(*) from version_files where sha256 = ? or gzip_sha256 = ? or br_sha256 = ?")
            .params(sha256, sha256, sha256)
            .query(Long.class)
            .single()
        > 0;
  }

  private static List<VersionSummary> sorted(List<VersionSummary> versions) {
    return versions.stream()
        .sorted(
            Comparator.comparing(VersionSummary::app)
                .thenComparing((VersionSummary v) -> SemVer.parse(v.version()), Comparator.reverseOrder()))
        .toList();
  }

  private static PublishedVersion version(ResultSet rs, List<PublishedVersion.VersionFile> files)
      throws SQLException {
    return new PublishedVersion(
        rs.getString("app"),
        rs.getString("version"),
        rs.getString("kind"),
        rs.getString("entry"),
        rs.getString("manifest"),
        rs.getString("content_digest"),
        rs.getInt("file_count"),
        rs.getLong("total_bytes"),
        rs.getObject("published_at", OffsetDateTime.class),
        rs.getString("published_by"),
        files);
  }

  /** The version's withdrawal, if it is withdrawn. */
  public Optional<Withdrawal> withdrawal(String app, String version) {
    return jdbc.sql(
            "select withdrawn_at, withdrawn_by, reason from version_withdrawals where app = ? and version = ?")
        .params(app, version)
        .query((rs, row) -> withdrawal(rs))
        .optional();
  }

  /**
   * Withdraws a published version not withdrawn yet; one withdrawn meanwhile by another request
   * keeps that withdrawal, which is returned.
   */
  Withdrawal withdraw(String app, String version, String by, String reason) {
    OffsetDateTime now = DatabaseTime.now();
    try {
      jdbc.sql(
              "insert into version_withdrawals (app, version, withdrawn_at, withdrawn_by, reason)"
                  + " values (?, ?, ?, ?, ?)")
          .params(app, version, now, by, reason)
          .update();
    } catch (DuplicateKeyException raced) {
      return withdrawal(app, version).orElseThrow(); // withdrawn at the same moment by another request
    }
    return new Withdrawal(now, by, reason);
  }

  /** Takes a withdrawal back; returns whether the version was withdrawn. */
  boolean takeBack(String app, String version) {
    return jdbc.sql("delete from version_withdrawals where app = ? and version = ?").params(app, version).update() > 0;
  }

  private static Withdrawal withdrawal(ResultSet rs) throws SQLException {
    OffsetDateTime at = rs.getObject("withdrawn_at", OffsetDateTime.class);
    return at == null ? null : new Withdrawal(at, rs.getString("withdrawn_by"), rs.getString("reason"));
  }

  private static VersionSummary summary(ResultSet rs, int row) throws SQLException {
    return new VersionSummary(
        rs.getString("app"),
        rs.getString("version"),
        rs.getString("kind"),
        rs.getString("content_digest"),
        rs.getInt("file_count"),
        rs.getLong("total_bytes"),
        rs.getObject("published_at", OffsetDateTime.class),
        rs.getString("published_by"),
        withdrawal(rs));
  }
}
