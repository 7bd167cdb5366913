package io.pergola.server.deploy;

import io.pergola.core.ConflictException;
import io.pergola.core.NotFoundException;
import io.pergola.core.deploy.Canary;
import io.pergola.core.deploy.Deployment;
import io.pergola.core.deploy.RevisionHistory;
import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import io.pergola.server.system.DatabaseTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Environments, their revisions and their audit trail in the database. Revisions and audit
 * entries are only ever inserted; {@code environments.current_revision} moves forward under a
 * row lock ({@link #lockCurrentRevision}), which serialises concurrent deploys to one environment.
 */
@Repository
public class Environments {

  private static final String AUDIT_COLUMNS =
      "environment, revision, at, actor, action, app, from_version, to_version, canary_version,"
          + " canary_percent, message, forced, violations";

  private final JdbcClient jdbc;

  Environments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An environment as listings show it. */
  public record EnvironmentSummary(String name, long currentRevision, OffsetDateTime createdAt) {}

  List<EnvironmentSummary> list() {
    return jdbc.sql("select name, current_revision, created_at from environments order by name")
        .query(EnvironmentSummary.class)
        .list();
  }

  /** Every environment's current revision number: the cheap check other nodes poll. */
  public Map<String, Long> currentRevisions() {
    Map<String, Long> current = new HashMap<>();
    jdbc.sql("select name, current_revision from environments")
        .query(rs -> {
          current.put(rs.getString(1), rs.getLong(2));
        });
    return current;
  }

  /** Creates an environment at revision 0 (empty), audited; call inside a transaction. */
  void create(String name, String actor) {
    OffsetDateTime now = DatabaseTime.now();
    try {
      jdbc.sql("insert into environments (name, current_revision, created_at) values (?, 0, ?)")
          .params(name, now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("The environment \"" + name + "\" already exists");
    }
    jdbc.sql("insert into revisions (environment, number, created_at, created_by) values (?, 0, ?, ?)")
        .params(name, now, actor)
        .update();
    insertAudit(new AuditEntry(name, 0, now, actor, "create", null, null, null, null, null, null, false, List.of()));
  }

  /** Locks the environment's row until the transaction ends and returns its current revision. */
  long lockCurrentRevision(String environment) {
    return jdbc.sql("select current_revision from environments where name = ? for update")
        .param(environment)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> notFound(environment));
  }

  Optional<Long> currentRevision(String environment) {
    return jdbc.sql("select current_revision from environments where name = ?")
        .param(environment)
        .query(Long.class)
        .optional();
  }

  /** The environment at revision {@code number}, if it has one. */
  public Optional<RevisionSnapshot> snapshot(String environment, long number) {
    return jdbc.sql(
            "select created_at, created_by from revisions where environment = ? and number = ?")
        .params(environment, number)
        .query(
            (rs, row) ->
                new RevisionSnapshot(
                    environment,
                    number,
                    Map.of(),
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getString("created_by")))
        .optional()
        .map(
            found ->
                new RevisionSnapshot(
                    environment, number, deploymentsAt(environment, number), found.createdAt(), found.createdBy()));
  }

  Map<AppName, Deployment> deploymentsAt(String environment, long number) {
    Map<AppName, Deployment> deployments = new HashMap<>();
    jdbc.sql(
            "select app, version, canary_version, canary_percent from revision_deployments"
                + " where environment = ? and number = ?")
        .params(environment, number)
        .query(
            rs -> {
              Deployment deployment = deployment(rs);
              deployments.put(deployment.app(), deployment);
            });
    return deployments;
  }

  /** Inserts revision {@code number} with its deployments and its one audit entry. */
  void insertRevision(long number, Map<AppName, Deployment> deployments, AuditEntry audit) {
    jdbc.sql("insert into revisions (environment, number, created_at, created_by) values (?, ?, ?, ?)")
        .params(audit.environment(), number, audit.at(), audit.actor())
        .update();
    for (Deployment deployment : deployments.values()) {
      jdbc.sql(
              "insert into revision_deployments (environment, number, app, version, canary_version,"
                  + " canary_percent) values (?, ?, ?, ?, ?, ?)")
          .params(
              audit.environment(),
              number,
              deployment.app().value(),
              deployment.version().toString(),
              deployment.canary().map(c -> c.version().toString()).orElse(null),
              deployment.canary().map(Canary::percent).orElse(null))
          .update();
    }
    insertAudit(audit);
    jdbc.sql("update environments set current_revision = ? where name = ?")
        .params(number, audit.environment())
        .update();
  }

  private void insertAudit(AuditEntry audit) {
    jdbc.sql("insert into audit_entries (" + AUDIT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            audit.environment(),
            audit.revision(),
            audit.at(),
            audit.actor(),
            audit.action(),
            audit.app(),
            audit.fromVersion(),
            audit.toVersion(),
            audit.canaryVersion(),
            audit.canaryPercent(),
            audit.message(),
            audit.forced(),
            audit.violations().isEmpty() ? null : String.join("\n", audit.violations()))
        .update();
  }

  /**
   * The audit trail, newest first, at most {@code limit} entries, those of revisions before
   * {@code before} only when it is given.
   */
  List<AuditEntry> audit(String environment, long before, long limit) {
    requireExists(environment);
    return jdbc.sql(
            "select " + AUDIT_COLUMNS + " from audit_entries where environment = ? and revision < ?"
                + " order by revision desc fetch first ? rows only")
        .params(environment, before, limit)
        .query(Environments::auditEntry)
        .list();
  }

  /** Past deployments, for rollbacks. */
  RevisionHistory history(String environment) {
    return new RevisionHistory() {
      @Override
      public Optional<Map<AppName, Deployment>> at(long number) {
        boolean exists =
            jdbc.sql("select count(*) from revisions where environment = ? and number = ?")
                    .params(environment, number)
                    .query(Long.class)
                    .single()
                > 0;
        return exists ? Optional.of(deploymentsAt(environment, number)) : Optional.empty();
      }

      @Override
      public List<Optional<SemVer>> versionsOf(AppName app) {
        return jdbc.sql(
                "select d.version from revisions r left join revision_deployments d"
                    + " on d.environment = r.environment and d.number = r.number and d.app = ?"
                    + " where r.environment = ? order by r.number desc")
            .params(app.value(), environment)
            .query((rs, row) -> Optional.ofNullable(rs.getString(1)).map(SemVer::parse))
            .list();
      }
    };
  }

  void requireExists(String environment) {
    if (currentRevision(environment).isEmpty()) {
      throw notFound(environment);
    }
  }

  static NotFoundException notFound(String environment) {
    return new NotFoundException(
        "There is no environment \"" + environment + "\"; an admin creates it with: pergola environments create "
            + environment + " (POST /api/environments)");
  }

  private static Deployment deployment(ResultSet rs) throws SQLException {
    String canaryVersion = rs.getString("canary_version");
    return new Deployment(
        AppName.of(rs.getString("app")),
        SemVer.parse(rs.getString("version")),
        canaryVersion == null
            ? Optional.empty()
            : Optional.of(new Canary(SemVer.parse(canaryVersion), rs.getInt("canary_percent"))));
  }

  private static AuditEntry auditEntry(ResultSet rs, int row) throws SQLException {
    String violations = rs.getString("violations");
    return new AuditEntry(
        rs.getString("environment"),
        rs.getLong("revision"),
        rs.getObject("at", OffsetDateTime.class),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("app"),
        rs.getString("from_version"),
        rs.getString("to_version"),
        rs.getString("canary_version"),
        rs.getObject("canary_percent", Integer.class),
        rs.getString("message"),
        rs.getBoolean("forced"),
        violations == null ? List.of() : Arrays.asList(violations.split("\n")));
  }
}
