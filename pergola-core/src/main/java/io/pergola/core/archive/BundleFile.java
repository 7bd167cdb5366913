package io.pergola.core.archive;

import java.util.Optional;

/**
 * One file of an inspected bundle.
 *
 * @param path its path in the bundle, e.g. {@code assets/app.js}
 * @param size bytes
 * @param sha256 lowercase hex SHA-256 of its bytes, its key in the blob store
 * @param integrity Subresource Integrity value, {@code sha384-<base64>}
 * @param contentType the media type it is served with
 * @param gzip a smaller gzip variant, if one was worth keeping
 * @param brotli a smaller brotli variant, if one was worth keeping
 */
public record BundleFile(
    String path,
    long size,
    String sha256,
    String integrity,
    String contentType,
    Optional<Variant> gzip,
    Optional<Variant> brotli) {

  /** A pre-compressed variant of a file, stored under its own SHA-256. */
  public record Variant(String sha256, long size) {}
}
