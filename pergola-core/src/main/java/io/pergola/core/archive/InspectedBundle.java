package io.pergola.core.archive;

import io.pergola.core.manifest.Manifest;
import java.util.List;

/**
 * A bundle that passed inspection: its manifest, its files sorted by path, and a digest of its
 * content that ignores archive format, timestamps and entry order, so republishing the same files
 * is recognised as the same version.
 *
 * @param contentDigest SHA-256 hex over {@code path NUL sha256 LF} for each file in path order
 */
public record InspectedBundle(Manifest manifest, List<BundleFile> files, String contentDigest) {

  public InspectedBundle {
    files = List.copyOf(files);
  }

  /** Bytes of all files. */
  public long totalBytes() {
    return files.stream().mapToLong(BundleFile::size).sum();
  }
}
