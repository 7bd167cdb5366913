package io.pergola.server.auth;

import io.pergola.core.ConflictException;
import io.pergola.server.system.DatabaseTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens: created with a random secret shown once, stored only as its SHA-256, looked up by
 * that hash. A SHA-256 (not a slow password hash) is right here: the secret has 256 random bits,
 * so there is nothing to brute-force, and lookup stays a single indexed query.
 */
@Repository
public class ApiTokens {

  /** Every token starts with this, so secret scanners and people can recognise one. */
  static final String PREFIX = "pgl_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  ApiTokens(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /**
   * A new token's id and its secret, which is never stored and never shown again.
   *
   * @param expiresAt when it stops being accepted; null: not until it is revoked
   */
  public record IssuedToken(String id, String token, OffsetDateTime expiresAt) {}

  /** Issues a token for {@code team}, or an admin token when {@code team} is null, valid until revoked. */
  public IssuedToken issue(String team, String label) {
    return issue(team, label, null);
  }

  /** Issues a token that is refused after {@code validFor} (null: valid until revoked). */
  public IssuedToken issue(String team, String label, Duration validFor) {
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    OffsetDateTime expiresAt = validFor == null ? null : DatabaseTime.now().plus(validFor);
    return new IssuedToken(store(token, team, label, expiresAt), token, expiresAt);
  }

  /** An active token as an admin sees it: never its secret, which is not kept. */
  public record TokenSummary(
      String id, String team, boolean admin, String label, OffsetDateTime createdAt, OffsetDateTime expiresAt) {}

  /**
   * Accepts a given secret as an admin token (from {@code PERGOLA_ADMIN_TOKEN}), once.
   *
   * @throws IllegalStateException when that secret was revoked: a revoked token never comes back
   */
  void ensureAdmin(String token, String label) {
    Optional<OffsetDateTime> revoked =
        jdbc.sql("select revoked_at from api_tokens where token_hash = ?")
            .param(hash(token))
            .query((rs, row) -> Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)))
            .optional()
            .orElse(null);
    if (revoked == null) {
      store(token, null, label, null);
    } else if (revoked.isPresent()) {
      throw new IllegalStateException(
          "The admin token given as PERGOLA_ADMIN_TOKEN (pergola.admin-token) was revoked at " + revoked.get()
              + "; a revoked token is never accepted again: give a new secret");
    }
  }

  /**
   * The tokens neither revoked nor expired, oldest first: all of them, or a team's when {@code
   * team} is given.
   */
  public List<TokenSummary> active(String team) {
    List<Object> params = new ArrayList<>(List.of(DatabaseTime.now()));
    if (team != null) {
      params.add(team);
    }
    return jdbc.sql(
            "select id, team, admin, label, created_at, expires_at from api_tokens where revoked_at is null"
                + " and (expires_at is null or expires_at > ?)" + (team == null ? "" : " and team = ?")
                + " order by created_at, id")
        .params(params)
        .query(TokenSummary.class)
        .list();
  }

  boolean anyAdmin() {
    return jdbc.sql("select count(*) from api_tokens where admin and revoked_at is null")
            .query(Long.class)
            .single()
        > 0;
  }

  /** The caller a presented token stands for, if it is known, not revoked and not expired. */
  Optional<Caller> findByToken(String token) {
    return jdbc.sql(
            "select team, admin, label from api_tokens where token_hash = ? and revoked_at is null"
                + " and (expires_at is null or expires_at > ?)")
        .params(hash(token), DatabaseTime.now())
        .query(
            (rs, row) ->
                rs.getBoolean("admin")
                    ? (Caller) new Caller.Admin(rs.getString("label"))
                    : new Caller.Team(rs.getString("team")))
        .optional();
  }

  /**
   * Revokes a token by id; returns false when no such active token exists.
   *
   * @throws ConflictException for the last admin token: no token could manage teams and tokens after
   */
  public boolean revoke(String id) {
    return Boolean.TRUE.equals(transaction.execute(status -> revokeLockingAdmins(id)));
  }

  private boolean revokeLockingAdmins(String id) {
    boolean admin =
        jdbc.sql("select admin from api_tokens where id = ? and revoked_at is null")
            .param(id)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    // Locked, so two admins revoking each other's token at once cannot both succeed.
    if (admin
        && jdbc.sql("select id from api_tokens where admin and revoked_at is null for update").query().listOfRows().size()
            == 1) {
      throw new ConflictException(
          "This is the last admin token: with it revoked, no token could manage teams and tokens. Start a server"
              + " with a new PERGOLA_ADMIN_TOKEN first, then revoke this one");
    }
    return jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
            .params(DatabaseTime.now(), id)
            .update()
        == 1;
  }

  /** When a token not revoked stopped being accepted, if it has expired. */
  Optional<OffsetDateTime> expiredAt(String token) {
    return jdbc.sql(
            "select expires_at from api_tokens where token_hash = ? and revoked_at is null and expires_at <= ?")
        .params(hash(token), DatabaseTime.now())
        .query(OffsetDateTime.class)
        .optional();
  }

  private String store(String token, String team, String label, OffsetDateTime expiresAt) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            "insert into api_tokens (id, token_hash, team, admin, label, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(id, hash(token), team, team == null, label, DatabaseTime.now(), expiresAt)
        .update();
    return id;
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
