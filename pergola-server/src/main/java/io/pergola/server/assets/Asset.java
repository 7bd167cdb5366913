package io.pergola.server.assets;

/**
 * A published file as the origin serves it: its media type and its encodings, best first.
 *
 * @param contentTypeHeader {@code contentType} as header bytes ({@link HeaderBytes})
 * @param brotli may be null
 * @param gzip may be null
 */
record Asset(String contentType, byte[] contentTypeHeader, AssetVariant identity, AssetVariant gzip, AssetVariant brotli) {

  static Asset of(String contentType, AssetVariant identity, AssetVariant gzip, AssetVariant brotli) {
    return new Asset(contentType, HeaderBytes.of(contentType), identity, gzip, brotli);
  }

  /** The best variant the client accepts, or null when it accepts none (406 is not worth it). */
  AssetVariant negotiate(AcceptEncoding accepted) {
    return accepted.best(brotli, gzip, identity);
  }
}
