package io.pergola.server.registry;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A version as the API shows it: the stored facts plus absolute URLs of its files.
 *
 * @param manifest the published manifest, as a JSON object
 * @param withdrawn why and by whom the version was withdrawn; null while it is not
 */
record VersionView(
    String app,
    String version,
    String kind,
    String entry,
    URI entryUrl,
    String digest,
    int fileCount,
    long totalBytes,
    OffsetDateTime publishedAt,
    String publishedBy,
    @JsonRawValue String manifest,
    List<FileView> files,
    Versions.Withdrawal withdrawn) {

  record FileView(String path, long size, String integrity, String contentType, URI url) {}

  static VersionView of(PublishedVersion version, AssetUrls urls, Versions.Withdrawal withdrawn) {
    return new VersionView(
        version.app(),
        version.version(),
        version.kind(),
        version.entry(),
        urls.of(version.app(), version.version(), version.entry()),
        version.contentDigest(),
        version.fileCount(),
        version.totalBytes(),
        version.publishedAt(),
        version.publishedBy(),
        version.manifest(),
        version.files().stream()
            .map(
                file ->
                    new FileView(
                        file.path(),
                        file.size(),
                        file.integrity(),
                        file.contentType(),
                        urls.of(version.app(), version.version(), file.path())))
            .toList(),
        withdrawn);
  }
}
