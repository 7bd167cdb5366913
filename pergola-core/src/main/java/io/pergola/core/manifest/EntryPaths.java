package io.pergola.core.manifest;

/**
 * What a path inside a bundle may look like: relative, {@code /}-separated, no {@code .} or
 * {@code ..} segments, no empty segments, no backslashes, drive letters or control characters.
 * The same rule checks archive entries and the manifest's {@code entry}, so what a manifest may
 * name is exactly what an archive may contain.
 */
public final class EntryPaths {

  private EntryPaths() {}

  /** Whether {@code path} stays inside the bundle root under every reading of it. */
  public static boolean isSafe(String path) {
    if (path == null || path.isEmpty() || path.length() > 1024) {
      return false;
    }
    if (path.startsWith("/") || path.indexOf('\\') >= 0 || hasDriveLetter(path)) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDriveLetter(String path) {
    return path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0));
  }
}
