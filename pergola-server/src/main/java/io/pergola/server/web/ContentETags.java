package io.pergola.server.web;

import java.util.Arrays;
import java.util.Base64;

/**
 * Strong ETags for bytes that never change under their URL, from the bytes' SHA-256, and the
 * {@code If-None-Match} check against them.
 */
public final class ContentETags {

  private ContentETags() {}

  /**
   * The quoted ETag of bytes whose SHA-256 is {@code sha256}: its first 128 bits, base64url. It
   * goes out with every asset response, where the whole hash in hex was 42 bytes longer a
   * response, a dozen times per page; 128 bits tell apart any number of versions of one file.
   */
  public static String of(byte[] sha256) {
    return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256, 16)) + "\"";
  }

  /**
   * Whether {@code If-None-Match} matches {@code etag} per RFC 9110: a list of entity tags or
   * {@code *}, compared weakly (a cache may send back a strong tag as weak).
   */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.strip().equals("*")) {
      return true;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
