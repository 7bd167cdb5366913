package io.pergola.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

  ApiTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new token's id and its secret, which is never stored and never shown again. */
  public record IssuedToken(String id, String token) {}

  /** Issues a token for {@code team}, or an admin token when {@code team} is null. */
  public IssuedToken issue(String team, String label) {
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    return new IssuedToken(store(token, team, label), token);
  }

  /** Accepts a given secret as an admin token (from {@code PERGOLA_ADMIN_TOKEN}), once. */
  void ensureAdmin(String token, String label) {
    if (findByToken(token).isEmpty()) {
      store(token, null, label);
    }
  }

  boolean anyAdmin() {
    return jdbc.sql("select count(*) from api_tokens where admin and revoked_at is null")
            .query(Long.class)
            .single()
        > 0;
  }

  /** The caller a presented token stands for, if it is known and not revoked. */
  Optional<Caller> findByToken(String token) {
    return jdbc.sql(
            "select team, admin, label from api_tokens where token_hash = ? and revoked_at is null")
        .param(hash(token))
        .query(
            (rs, row) ->
                rs.getBoolean("admin")
                    ? (Caller) new Caller.Admin(rs.getString("label"))
                    : new Caller.Team(rs.getString("team")))
        .optional();
  }

  /** Revokes a token by id; returns false when no such active token exists. */
  public boolean revoke(String id) {
    return jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
            .params(OffsetDateTime.now(ZoneOffset.UTC), id)
            .update()
        == 1;
  }

  private String store(String token, String team, String label) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            "insert into api_tokens (id, token_hash, team, admin, label, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(id, hash(token), team, team == null, label, OffsetDateTime.now(ZoneOffset.UTC))
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
