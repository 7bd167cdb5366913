package io.pergola.server.registry;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A version as the registry stores it: immutable once published.
 *
 * @param manifest the manifest's text as published
 * @param contentDigest identifies the content regardless of archive format (see {@code
 *     InspectedBundle})
 * @param publishedBy the caller's audit identity, e.g. {@code team:billing}
 */
public record PublishedVersion(
    String app,
    String version,
    String kind,
    String entry,
    String manifest,
    String contentDigest,
    int fileCount,
    long totalBytes,
    OffsetDateTime publishedAt,
    String publishedBy,
    List<VersionFile> files) {

  public PublishedVersion {
    files = List.copyOf(files);
  }

  PublishedVersion withFiles(List<VersionFile> files) {
    return new PublishedVersion(
        app, version, kind, entry, manifest, contentDigest, fileCount, totalBytes, publishedAt,
        publishedBy, files);
  }

  /**
   * One file of a version: where it is in the store and how to serve it.
   *
   * @param gzipSha256 the gzip variant's blob, or null when none was worth keeping
   * @param brotliSha256 the brotli variant's blob, or null
   */
  public record VersionFile(
      String path,
      long size,
      String sha256,
      String integrity,
      String contentType,
      String gzipSha256,
      Long gzipSize,
      String brotliSha256,
      Long brotliSize) {}
}
