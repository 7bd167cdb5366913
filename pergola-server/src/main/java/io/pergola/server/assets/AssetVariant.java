package io.pergola.server.assets;

import io.pergola.server.web.ContentETags;
import java.util.HexFormat;

/**
 * One encoding of one file, with its response headers ready: nothing about it is computed per
 * request.
 *
 * @param encoding {@code br}, {@code gzip}, or null for the file as published
 * @param etag the strong ETag, quoted, from the SHA-256 of exactly these bytes ({@link ContentETags})
 */
record AssetVariant(String sha256, long size, String encoding, String etag) {

  static AssetVariant of(String sha256, long size, String encoding) {
    return new AssetVariant(sha256, size, encoding, ContentETags.of(HexFormat.of().parseHex(sha256)));
  }
}
