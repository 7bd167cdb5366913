package io.pergola.core.archive;

import io.pergola.core.manifest.EntryPaths;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns an entry's raw name into a path in the bundle, or refuses it saying why. */
final class EntryNames {

  private EntryNames() {}

  /**
   * Decodes strictly as UTF-8 and applies {@link EntryPaths#isSafe}. A trailing slash (directory
   * entries) is dropped first.
   */
  static String toBundlePath(byte[] raw) {
    String name;
    try {
      name =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw))
              .toString();
    } catch (CharacterCodingException e) {
      String shown = printable(raw);
      throw ArchiveRefusedException.atEntry(
          RefusalReason.INVALID_NAME_ENCODING,
          shown,
          "Entry \"" + shown + "\" has a name that is not valid UTF-8; rename it");
    }
    String path = name.endsWith("/") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    if (!EntryPaths.isSafe(path)) {
      String shown = printable(raw);
      throw ArchiveRefusedException.atEntry(
          RefusalReason.UNSAFE_PATH,
          shown,
          "Entry \""
              + shown
              + "\" escapes the bundle root or is not a plain relative path (no '..', '.', empty"
              + " segments, leading '/', drive letters, backslashes or control characters)");
    }
    return path;
  }

  /** The name for messages: ASCII as is, anything else as {@code \xNN} escapes. */
  static String printable(byte[] raw) {
    StringBuilder shown = new StringBuilder();
    String lenient = new String(raw, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      lenient.codePoints().forEach(c -> appendCodePoint(shown, c));
      return shown.toString();
    }
    for (byte b : raw) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f) {
        shown.append((char) c);
      } else {
        shown.append(String.format("\\x%02X", c));
      }
    }
    return shown.toString();
  }

  private static void appendCodePoint(StringBuilder shown, int c) {
    if (c < 0x20 || c == 0x7f) {
      shown.append(String.format("\\x%02X", c));
    } else {
      shown.appendCodePoint(c);
    }
  }
}
