package io.pergola.server.assets;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code /assets/{app}/{version}/{path}} parsed from the raw request URI: each segment
 * percent-decoded exactly once as UTF-8. Anything that could mean something else is refused
 * (returns null): encoded slashes, backslashes or NULs, {@code .} and {@code ..} segments, empty
 * segments. A bundle cannot contain such paths, so refusing them loses nothing.
 */
record AssetPath(String app, String version, String path) {

  static final String PREFIX = "/assets/";

  /** Whether the origin answers this decoded, normalized path: the servlet pattern {@code /assets/*}. */
  static boolean isForTheOrigin(String decodedPath) {
    return decodedPath.startsWith(PREFIX) || decodedPath.equals("/assets");
  }

  static AssetPath parse(String rawUri) {
    if (!rawUri.startsWith(PREFIX)) {
      return null;
    }
    int appEnd = rawUri.indexOf('/', PREFIX.length());
    int versionEnd = appEnd < 0 ? -1 : rawUri.indexOf('/', appEnd + 1);
    if (appEnd < 0 || versionEnd < 0) {
      return null;
    }
    String app = decode(rawUri, PREFIX.length(), appEnd);
    String version = decode(rawUri, appEnd + 1, versionEnd);
    StringBuilder path = new StringBuilder();
    int start = versionEnd + 1;
    while (true) {
      int end = rawUri.indexOf('/', start);
      String segment = decode(rawUri, start, end < 0 ? rawUri.length() : end);
      if (segment == null) {
        return null;
      }
      path.append(segment);
      if (end < 0) {
        break;
      }
      path.append('/');
      start = end + 1;
    }
    return app == null || version == null ? null : new AssetPath(app, version, path.toString());
  }

  private static String decode(String raw, int from, int to) {
    if (from >= to) {
      return null;
    }
    String segment = raw.substring(from, to);
    if (segment.indexOf('%') >= 0) {
      segment = percentDecode(segment);
      if (segment == null || segment.indexOf('/') >= 0) {
        return null;
      }
    }
    if (segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
      return null;
    }
    return segment;
  }

  private static String percentDecode(String segment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          return null;
        }
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
