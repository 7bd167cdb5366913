package io.pergola.core.archive;

import io.pergola.core.Require;

/**
 * How much one bundle may hold. Checked while the archive streams, so a hostile archive is
 * refused before it costs more than the limits allow.
 *
 * @param maxFiles files in the bundle
 * @param maxFileBytes bytes of one file, inflated
 * @param maxTotalBytes bytes of all files, inflated
 * @param maxCompressionRatio inflated bytes per compressed byte, above which an archive is taken
 *     for a zip bomb (judged once an entry or stream has inflated past one MiB, so small, very
 *     compressible files pass)
 */
public record ArchiveLimits(
    int maxFiles, long maxFileBytes, long maxTotalBytes, int maxCompressionRatio) {

  /** Where the compression ratio starts to be judged. */
  public static final long RATIO_GRACE_BYTES = 1L << 20;

  public ArchiveLimits {
    Require.argument(maxFiles > 0, "maxFiles must be positive, was %s", maxFiles);
    Require.argument(maxFileBytes > 0, "maxFileBytes must be positive, was %s", maxFileBytes);
    Require.argument(maxTotalBytes > 0, "maxTotalBytes must be positive, was %s", maxTotalBytes);
    Require.argument(
        maxCompressionRatio > 1, "maxCompressionRatio must be above 1, was %s", maxCompressionRatio);
  }

  /** 10,000 files, 25 MiB per file, 200 MiB in all, a ratio of 100. */
  public static ArchiveLimits defaults() {
    return new ArchiveLimits(10_000, 25L << 20, 200L << 20, 100);
  }
}
