package io.pergola.server.shell;

import io.pergola.server.assets.AcceptEncoding;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * Compresses a shell page for one response, in the best encoding the browser accepts. Per
 * response because the nonce makes every page different; a signed-in page is kilobytes of
 * repetitive JSON (the import map with integrity, the route table, the user's claims).
 *
 * <p>Brotli at quality 5, gzip at its fastest level where brotli is not accepted. On the demo's
 * signed-in /billing page (5.0 KB), measured in one JVM: gzip level 1 gave 1,890 bytes in 24 µs,
 * level 6 1,779 bytes in 37 µs, brotli 4 1,728 bytes in 56 µs, brotli 5 1,603 bytes in 68 µs,
 * brotli 6 no smaller and slower. Under load the difference is larger (the signed-in page at
 * 9.4k req/s against 12.5-13.9k gzipped on two saturated cores, bench/assets); kept, since the
 * 287 bytes are every visitor's on every network, and the CPU the server's, which scales out.
 */
final class PageCompression {

  /** Below this a page fits in one packet anyway. */
  private static final int FROM_BYTES = 1400;
  private static final int BROTLI_QUALITY = 5;

  private PageCompression() {}

  /**
   * The page as it goes on the wire for a request sending {@code acceptEncoding}; sets the
   * response's {@code Content-Encoding} when it compressed it.
   */
  static byte[] encode(byte[] page, String acceptEncoding, HttpServletResponse response) {
    if (page.length < FROM_BYTES) {
      return page;
    }
    return switch (chosen(acceptEncoding, response)) {
      case BROTLI -> Brotli.compress(page, BROTLI_QUALITY);
      case GZIP -> Gzip.compress(page, Deflater.BEST_SPEED);
      case IDENTITY -> page;
    };
  }

  /**
   * The response's body stream for a page that goes out in parts (one with children's fragments,
   * {@link FragmentedPage}), compressing in the best encoding the browser accepts; each flush sends
   * what has been written so far, so the browser can start on the page's head at once.
   */
  static OutputStream streaming(String acceptEncoding, HttpServletResponse response) throws IOException {
    OutputStream out = response.getOutputStream();
    return switch (chosen(acceptEncoding, response)) {
      case BROTLI -> Brotli.stream(out, BROTLI_QUALITY);
      case GZIP -> Gzip.stream(out, Deflater.BEST_SPEED);
      case IDENTITY -> out;
    };
  }

  private enum Encoding { BROTLI, GZIP, IDENTITY }

  /** The best encoding the browser accepts, named in the response's {@code Content-Encoding}. */
  private static Encoding chosen(String acceptEncoding, HttpServletResponse response) {
    AcceptEncoding accepted = AcceptEncoding.parse(acceptEncoding);
    if (accepted.brotli() && Brotli.AVAILABLE) {
      response.setHeader("Content-Encoding", "br");
      return Encoding.BROTLI;
    }
    if (accepted.gzip()) {
      response.setHeader("Content-Encoding", "gzip");
      return Encoding.GZIP;
    }
    return Encoding.IDENTITY;
  }
}
