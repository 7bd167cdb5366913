package io.pergola.server.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A page kept as UTF-8 bytes, cut where the per-response CSP nonce goes, so a response only joins
 * the parts around its nonce: no search through the page, no encoding of it, per page view
 * (both showed in bench/assets' profile of the shell page).
 */
final class NoncedHtml {

  private final byte[][] parts;
  private final int partsLength;

  private NoncedHtml(byte[][] parts) {
    this.parts = parts;
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    this.partsLength = length;
  }

  /** The page, cut at every occurrence of {@code placeholder}. */
  static NoncedHtml of(String html, String placeholder) {
    List<byte[]> parts = new ArrayList<>();
    int from = 0;
    for (int at = html.indexOf(placeholder); at >= 0; at = html.indexOf(placeholder, from)) {
      parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
      from = at + placeholder.length();
    }
    parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
    return new NoncedHtml(parts.toArray(byte[][]::new));
  }

  /** The page's bytes with {@code nonce} (base64url, so ASCII) wherever the placeholder was. */
  byte[] withNonce(String nonce) {
    byte[] value = nonce.getBytes(StandardCharsets.US_ASCII);
    byte[] page = new byte[partsLength + value.length * (parts.length - 1)];
    int at = 0;
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        System.arraycopy(value, 0, page, at, value.length);
        at += value.length;
      }
      System.arraycopy(parts[i], 0, page, at, parts[i].length);
      at += parts[i].length;
    }
    return page;
  }
}
