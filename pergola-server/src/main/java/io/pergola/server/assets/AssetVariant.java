package io.pergola.server.assets;

/**
 * One encoding of one file, with its response headers ready: nothing about it is computed per
 * request.
 *
 * @param encoding {@code br}, {@code gzip}, or null for the file as published
 * @param etag the strong ETag, quoted: the SHA-256 of exactly these bytes
 */
record AssetVariant(String sha256, long size, String encoding, String etag) {

  static AssetVariant of(String sha256, long size, String encoding) {
    return new AssetVariant(sha256, size, encoding, "\"" + sha256 + "\"");
  }
}
