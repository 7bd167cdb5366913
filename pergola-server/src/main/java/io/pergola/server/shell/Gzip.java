package io.pergola.server.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** gzip in memory, at a chosen level: the best once for the runtime's files, a fast one per page. */
final class Gzip {

  private Gzip() {}

  static byte[] compress(byte[] bytes, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        def.setLevel(level);
      }
    }) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip in memory cannot fail this way", e);
    }
    return out.toByteArray();
  }
}
