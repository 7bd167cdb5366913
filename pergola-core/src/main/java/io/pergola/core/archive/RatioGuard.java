package io.pergola.core.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts inflated bytes as they are read and refuses once they exceed {@code maxRatio} times the
 * compressed bytes behind them, past a grace amount. The check happens on every read, so a zip
 * bomb is stopped after at most one buffer beyond the limit, never after inflating it.
 */
final class RatioGuard extends FilterInputStream {

  private final LongSupplier compressedBytes;
  private final int maxRatio;
  private final String entry;
  private long inflated;

  RatioGuard(InputStream inflating, LongSupplier compressedBytes, int maxRatio, String entry) {
    super(inflating);
    this.compressedBytes = compressedBytes;
    this.maxRatio = maxRatio;
    this.entry = entry;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) {
    inflated += n;
    if (inflated > ArchiveLimits.RATIO_GRACE_BYTES
        && inflated > (double) maxRatio * Math.max(1, compressedBytes.getAsLong())) {
      throw ArchiveRefusedException.overLimit(
          RefusalReason.COMPRESSION_RATIO,
          entry,
          maxRatio,
          (entry == null ? "The archive" : "Entry \"" + entry + "\"")
              + " inflates more than "
              + maxRatio
              + " times its compressed size, like a zip bomb; refused while reading");
    }
  }
}
