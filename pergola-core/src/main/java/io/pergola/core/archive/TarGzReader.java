package io.pergola.core.archive;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a gzip-compressed tar stream (ustar, POSIX pax and GNU long names), keeping every name's
 * raw bytes so that their encoding can be judged rather than guessed.
 *
 * <p>The whole stream is one compressed unit, so the compression ratio is judged over it: tar
 * bytes read so far against gzip bytes consumed so far.
 */
final class TarGzReader implements ArchiveReader {

  private static final int BLOCK = 512;
  private static final int MAX_META_BYTES = 1 << 20;

  private final CountingInputStream compressed;
  private final InputStream tar;
  private final byte[] header = new byte[BLOCK];
  private long remaining;
  private long padding;
  private String currentName;

  TarGzReader(Path archive, int maxRatio) throws IOException {
    this.compressed = new CountingInputStream(new BufferedInputStream(Files.newInputStream(archive)));
    InputStream gunzip;
    try {
      gunzip = new GZIPInputStream(compressed, 8192);
    } catch (ZipException e) {
      compressed.close();
      throw ArchiveRefusedException.of(RefusalReason.CORRUPT, "The gzip stream is corrupt: " + e.getMessage());
    }
    this.tar = new RatioGuard(gunzip, compressed::count, maxRatio, null);
  }

  @Override
  public ArchiveItem next() throws IOException {
    skipRest();
    byte[] longName = null;
    byte[] paxPath = null;
    while (true) {
      if (!readBlock(header)) {
        return null;
      }
      if (isZero(header)) {
        return null; // the end-of-archive marker
      }
      verifyChecksum();
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      switch (type) {
        case 'L' -> longName = trimNul(readMeta(size));
        case 'x' -> paxPath = paxPath(readMeta(size));
        case 'g' -> readMeta(size); // global pax headers carry nothing Pergola uses
        default -> {
          byte[] name = paxPath != null ? paxPath : longName != null ? longName : ustarName();
          remaining = size;
          padding = (BLOCK - size % BLOCK) % BLOCK;
          currentName = EntryNames.printable(name);
          return new ArchiveItem(name, kindOf(type));
        }
      }
    }
  }

  private static ArchiveItem.Kind kindOf(char type) {
    return switch (type) {
      case '0', '\0', '7' -> ArchiveItem.Kind.FILE;
      case '5' -> ArchiveItem.Kind.DIRECTORY;
      case '1' -> ArchiveItem.Kind.HARD_LINK;
      case '2' -> ArchiveItem.Kind.SYMLINK;
      default -> ArchiveItem.Kind.SPECIAL; // devices, FIFOs, sparse and vendor types
    };
  }

  @Override
  public InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
          return -1;
        }
        int n = readTar(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
          throw truncated();
        }
        remaining -= n;
        return n;
      }
    };
  }

  private byte[] ustarName() {
    byte[] name = trimNul(Arrays.copyOfRange(header, 0, 100));
    boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    byte[] prefix = ustar ? trimNul(Arrays.copyOfRange(header, 345, 500)) : new byte[0];
    if (prefix.length == 0) {
      return name;
    }
    byte[] joined = Arrays.copyOf(prefix, prefix.length + 1 + name.length);
    joined[prefix.length] = '/';
    System.arraycopy(name, 0, joined, prefix.length + 1, name.length);
    return joined;
  }

  /** The {@code path} record of a pax header: {@code "<length> path=<utf-8 bytes>\n"}. */
  private static byte[] paxPath(byte[] records) {
    int at = 0;
    byte[] path = null;
    while (at < records.length) {
      int space = indexOf(records, (byte) ' ', at);
      if (space < 0) {
        break;
      }
      int length = Integer.parseInt(new String(records, at, space - at, StandardCharsets.US_ASCII).strip());
      if (length <= 0 || at + length > records.length) {
        throw ArchiveRefusedException.of(RefusalReason.CORRUPT, "A pax header record is malformed");
      }
      int equals = indexOf(records, (byte) '=', space);
      String key = new String(records, space + 1, equals - space - 1, StandardCharsets.US_ASCII);
      if (key.equals("path")) {
        path = Arrays.copyOfRange(records, equals + 1, at + length - 1);
      }
      at += length;
    }
    return path;
  }

  private byte[] readMeta(long size) throws IOException {
    if (size > MAX_META_BYTES) {
      throw ArchiveRefusedException.of(
          RefusalReason.CORRUPT, "A tar metadata header is implausibly large");
    }
    byte[] data = new byte[(int) size];
    int n = 0;
    while (n < size) {
      int read = readTar(data, n, (int) size - n);
      if (read < 0) {
        throw truncated();
      }
      n += read;
    }
    remaining = 0;
    padding = (BLOCK - size % BLOCK) % BLOCK;
    skipRest();
    return data;
  }

  /** Reads tar bytes, turning a broken gzip stream into a refusal rather than an I/O error. */
  private int readTar(byte[] buffer, int offset, int length) throws IOException {
    try {
      return tar.read(buffer, offset, length);
    } catch (EOFException | ZipException e) {
      throw ArchiveRefusedException.atEntry(
          RefusalReason.CORRUPT,
          currentName,
          "The gzip stream is truncated or corrupt: " + e.getMessage());
    }
  }

  /** Reads past what is left of the current entry (read, not skipped, so the ratio counts it). */
  private void skipRest() throws IOException {
    long skip = remaining + padding;
    remaining = 0;
    padding = 0;
    byte[] buffer = new byte[BLOCK * 16];
    while (skip > 0) {
      int n = readTar(buffer, 0, (int) Math.min(buffer.length, skip));
      if (n < 0) {
        throw truncated();
      }
      skip -= n;
    }
  }

  private boolean readBlock(byte[] block) throws IOException {
    int n = 0;
    while (n < BLOCK) {
      int read = readTar(block, n, BLOCK - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw truncated();
    }
    return true;
  }

  private void verifyChecksum() {
    long stored = octal(header, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
    }
    if (sum != stored) {
      throw ArchiveRefusedException.of(
          RefusalReason.CORRUPT, "A tar header's checksum does not match: not a tar archive, or corrupt");
    }
  }

  /** An octal field (space or NUL padded), or GNU's base-256 form for large sizes. */
  private static long octal(byte[] block, int offset, int length) {
    int end = offset + length;
    if ((block[offset] & 0x80) != 0) {
      long value = block[offset] & 0x7f;
      for (int i = offset + 1; i < end; i++) {
        value = (value << 8) | (block[i] & 0xff);
      }
      return value;
    }
    int i = offset;
    while (i < end && (block[i] == ' ' || block[i] == 0)) {
      i++;
    }
    long value = 0;
    for (; i < end && block[i] != ' ' && block[i] != 0; i++) {
      if (block[i] < '0' || block[i] > '7') {
        throw ArchiveRefusedException.of(
            RefusalReason.CORRUPT, "A tar header has a malformed number field");
      }
      value = value * 8 + (block[i] - '0');
    }
    return value;
  }

  private ArchiveRefusedException truncated() {
    return ArchiveRefusedException.atEntry(
        RefusalReason.CORRUPT, currentName, "The tar archive ends in the middle of an entry");
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] trimNul(byte[] bytes) {
    int end = indexOf(bytes, (byte) 0, 0);
    return end < 0 ? bytes : Arrays.copyOf(bytes, end);
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }

  /** Counts the compressed bytes the gzip decoder has consumed. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
