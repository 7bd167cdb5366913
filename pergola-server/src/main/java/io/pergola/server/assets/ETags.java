package io.pergola.server.assets;

/** {@code If-None-Match} per RFC 9110: a list of entity tags or {@code *}, compared weakly. */
final class ETags {

  private ETags() {}

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.strip().equals("*")) {
      return true;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
