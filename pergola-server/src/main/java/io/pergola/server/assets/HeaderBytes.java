package io.pergola.server.assets;

import java.nio.charset.StandardCharsets;

/**
 * Header values as the bytes Tomcat writes. Handed to it as bytes, a value is copied to the wire
 * as it is; handed as a String, Tomcat runs it through a character encoder on every response.
 */
final class HeaderBytes {

  private HeaderBytes() {}

  static byte[] of(String value) {
    return value.getBytes(StandardCharsets.ISO_8859_1);
  }
}
