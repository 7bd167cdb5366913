package io.pergola.core.deploy;

import io.pergola.core.manifest.AppName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides who sees a canary: a user's bucket is a hash of who they are, the app and the canary
 * version, so it is sticky (the same user gets the same answer on every page load and every node)
 * and independent across apps and canaries (the same users are not always the guinea pigs).
 */
public final class CanaryAssignment {

  /** Buckets per percent; a finer grain keeps the split close to the share asked for. */
  private static final int BUCKETS = 10_000;

  private CanaryAssignment() {}

  /** Whether {@code subject} (a user id, or an anonymous visitor's cookie) gets the canary. */
  public static boolean inCanary(String subject, AppName app, Canary canary) {
    return bucket(subject, app, canary) < canary.percent() * (BUCKETS / 100);
  }

  static int bucket(String subject, AppName app, Canary canary) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha256.digest(
              (subject + '\0' + app.value() + '\0' + canary.version())
                  .getBytes(StandardCharsets.UTF_8));
      long value = ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
      return (int) (value % BUCKETS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
