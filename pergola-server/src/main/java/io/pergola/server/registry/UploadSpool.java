package io.pergola.server.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies an upload to a temporary file, refusing as soon as it passes the size limit: the archive
 * is then read from disk, where a zip's central directory can be consulted.
 */
final class UploadSpool {

  private UploadSpool() {}

  /** The spooled file, which the caller deletes. */
  static Path spool(InputStream body, Path dir, long maxBytes) throws IOException {
    Path file = Files.createTempFile(dir, "upload-", ".bin");
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = body.read(buffer)) >= 0) {
        total += n;
        if (total > maxBytes) {
          throw new UploadTooLargeException(maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
