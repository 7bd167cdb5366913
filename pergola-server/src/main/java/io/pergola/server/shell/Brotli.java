package io.pergola.server.shell;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Brotli in memory, from brotli4j's native library, at a chosen quality: the best once for the
 * runtime's files, a fast one per page; or as a stream for a page that goes out in parts. Where the library cannot load, the shell's responses
 * go out with gzip only, said once in the log.
 */
final class Brotli {

  private static final System.Logger LOG = System.getLogger(Brotli.class.getName());

  static final boolean AVAILABLE = load();

  private Brotli() {}

  static byte[] compress(byte[] bytes, int quality) {
    try {
      return Encoder.compress(bytes, new Encoder.Parameters().setQuality(quality));
    } catch (IOException e) {
      throw new UncheckedIOException("Brotli in memory cannot fail this way", e);
    }
  }

  /** Compresses into {@code out}; each {@code flush()} sends all written so far. */
  static OutputStream stream(OutputStream out, int quality) throws IOException {
    return new BrotliOutputStream(out, new Encoder.Parameters().setQuality(quality)) {
      @Override
      public void flush() throws IOException {
        super.flush();
        // brotli4j's flush ends the encoder's block into its channel, not into the stream
        // beneath, which keeps it (a servlet response: its buffer) until the page is done.
        out.flush();
      }
    };
  }

  private static boolean load() {
    if (Brotli4jLoader.isAvailable()) {
      return true;
    }
    LOG.log(System.Logger.Level.WARNING, "Brotli is unavailable on this platform, serving the runtime and shell pages"
        + " with gzip only: " + Brotli4jLoader.getUnavailabilityCause());
    return false;
  }
}
