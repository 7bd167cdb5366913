package io.pergola.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;

/**
 * A request body that reports how much of a file has been sent: in place on a terminal, or a
 * line per quarter otherwise (CI logs stay short).
 */
final class UploadProgress {

  private UploadProgress() {}

  static HttpRequest.BodyPublisher of(Path file, PrintWriter err, boolean quiet) throws IOException {
    long total = Files.size(file);
    if (quiet) {
      return HttpRequest.BodyPublishers.ofFile(file);
    }
    boolean terminal = System.console() != null;
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(() -> counting(file, total, err, terminal)), total);
  }

  private static InputStream counting(Path file, long total, PrintWriter err, boolean terminal) {
    try {
      return new FilterInputStream(Files.newInputStream(file)) {
        private long sent;
        private int lastShown = -1;

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          if (n > 0) {
            sent += n;
            show();
          }
          return n;
        }

        private void show() {
          int percent = total == 0 ? 100 : (int) (sent * 100 / total);
          int step = terminal ? percent : percent / 25 * 25;
          if (step == lastShown) {
            return;
          }
          lastShown = step;
          String line = "Uploading: " + sent + " of " + total + " bytes (" + percent + "%)";
          if (terminal) {
            err.print("\r" + line + (sent == total ? "\n" : ""));
          } else {
            err.println(line);
          }
          err.flush();
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
