package io.pergola.server.assets;

import io.pergola.server.web.ContentETags;
import java.util.HexFormat;

/**
 * One encoding of one file, with its response headers ready: nothing about it is computed per
 * request.
 *
 * @param encoding {@code br}, {@code gzip}, or null for the file as published
 * @param etag the strong ETag, quoted, from the SHA-256 of exactly these bytes ({@link ContentETags})
 * @param etagHeader {@code etag} as header bytes ({@link HeaderBytes})
 * @param encodingHeader {@code encoding} as header bytes, or null
 */
record AssetVariant(String sha256, long size, String encoding, String etag, byte[] etagHeader, byte[] encodingHeader) {

  static AssetVariant of(String sha256, long size, String encoding) {
    String etag = ContentETags.of(HexFormat.of().parseHex(sha256));
    return new AssetVariant(
        sha256, size, encoding, etag, HeaderBytes.of(etag), encoding == null ? null : HeaderBytes.of(encoding));
  }
}
