package io.pergola.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The embedded provider's signing keys, published at its JWKS endpoint. The newest key signs;
 * when it is older than the rotation period a new one takes over and the previous one stays
 * published for one more period, so every token still valid can be verified. Keys live in
 * memory: a restart rotates them and ends every embedded login (see the README on scale).
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

  private final Duration rotation;
  private final Clock clock;
  private volatile List<RSAKey> keys = List.of(); // newest first, at most two

  public SigningKeys(Duration rotation, Clock clock) {
    this.rotation = rotation;
    this.clock = clock;
    rotate();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    rotateIfDue();
    List<RSAKey> current = keys;
    JWKMatcher matcher = selector.getMatcher();
    // A verifier names the key it wants and may want the previous one; the JWKS endpoint asks for
    // everything; an encoder names only an algorithm and must get exactly one key: the newest.
    boolean signing = matcher.getKeyIDs() == null && matcher.getAlgorithms() != null;
    return selector.select(new JWKSet(signing ? List.of(current.getFirst()) : List.copyOf(current)));
  }

  /** The public keys as published. */
  public JWKSet publicKeys() {
    rotateIfDue();
    return new JWKSet(List.copyOf(keys)).toPublicJWKSet();
  }

  /** Makes a new signing key now, keeping the current one published. */
  public synchronized void rotate() {
    List<RSAKey> next = new ArrayList<>(2);
    next.add(generate(clock.instant()));
    if (!keys.isEmpty()) {
      next.add(keys.getFirst());
    }
    keys = List.copyOf(next);
  }

  private void rotateIfDue() {
    Instant issued = keys.getFirst().getIssueTime().toInstant();
    if (issued.plus(rotation).isBefore(clock.instant())) {
      synchronized (this) {
        if (keys.getFirst().getIssueTime().toInstant().equals(issued)) {
          rotate();
        }
      }
    }
  }

  private static RSAKey generate(Instant now) {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .keyID(UUID.randomUUID().toString())
          .issueTime(Date.from(now))
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA signing key", e);
    }
  }
}
