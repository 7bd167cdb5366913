package io.pergola.core.archive;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Makes gzip and brotli variants of a staged file once, at publish, so the asset origin never
 * compresses per request. A variant is kept only when it is smaller than the file.
 *
 * <p>Brotli comes from brotli4j's native library; where it cannot load, files get gzip only and
 * one warning says why.
 */
final class Precompressor {

  /** Files above this get a faster brotli level: quality 11 costs seconds per megabyte. */
  private static final long BEST_BROTLI_UP_TO = 4L << 20;

  private static final System.Logger LOG = System.getLogger(Precompressor.class.getName());
  private static volatile Boolean brotliAvailable;

  private final StagingArea staging;

  Precompressor(StagingArea staging) {
    this.staging = staging;
  }

  Optional<BundleFile.Variant> gzip(Path file, long size) throws IOException {
    return staging.stageVariant(
        size,
        out -> {
          try (OutputStream gzip = new BestGzipOutputStream(out)) {
            Files.copy(file, gzip);
          }
        });
  }

  Optional<BundleFile.Variant> brotli(Path file, long size) throws IOException {
    if (!isBrotliAvailable()) {
      return Optional.empty();
    }
    byte[] compressed =
        Encoder.compress(
            Files.readAllBytes(file),
            new Encoder.Parameters().setQuality(size <= BEST_BROTLI_UP_TO ? 11 : 5));
    return staging.stageVariant(size, out -> out.write(compressed));
  }

  private static boolean isBrotliAvailable() {
    if (brotliAvailable == null) {
      synchronized (Precompressor.class) {
        if (brotliAvailable == null) {
          brotliAvailable = Brotli4jLoader.isAvailable();
          if (!brotliAvailable) {
            LOG.log(
                System.Logger.Level.WARNING,
                "Brotli is unavailable on this platform, publishing gzip variants only: "
                    + Brotli4jLoader.getUnavailabilityCause());
          }
        }
      }
    }
    return brotliAvailable;
  }

  private static final class BestGzipOutputStream extends GZIPOutputStream {
    BestGzipOutputStream(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }
}
