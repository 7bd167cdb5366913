package io.pergola.server.web;

import java.util.Arrays;
import java.util.Base64;

/** Strong ETags for bytes that never change under their URL, from the bytes' SHA-256. */
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
}
