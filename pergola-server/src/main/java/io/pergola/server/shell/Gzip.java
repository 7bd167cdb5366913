package io.pergola.server.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * gzip in memory, at a chosen level: the best once for the runtime's files, a fast one per page;
 * or as a stream for a page that goes out in parts.
 */
final class Gzip {

  private Gzip() {}

  static byte[] compress(byte[] bytes, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (OutputStream gzip = stream(out, level)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip in memory cannot fail this way", e);
    }
    return out.toByteArray();
  }

  /** Compresses into {@code out}; each {@code flush()} sends all written so far (a sync flush). */
  static OutputStream stream(OutputStream out, int level) throws IOException {
    return new GZIPOutputStream(out, 8192, true) {
      {
        def.setLevel(level);
      }
    };
  }
}
