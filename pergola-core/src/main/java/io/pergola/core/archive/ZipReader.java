package io.pergola.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads a zip through its central directory, which (unlike the local headers a streaming reader
 * sees) carries the Unix mode that marks symlinks and devices.
 */
final class ZipReader implements ArchiveReader {

  private static final int TYPE_MASK = 0170000;
  private static final int REGULAR = 0100000;
  private static final int DIRECTORY = 0040000;
  private static final int SYMLINK = 0120000;

  private final ZipFile zip;
  private final Enumeration<ZipArchiveEntry> entries;
  private final int maxRatio;
  private ZipArchiveEntry current;
  private String currentName;

  ZipReader(Path archive, int maxRatio) throws IOException {
    try {
      this.zip = ZipFile.builder().setPath(archive).get();
    } catch (IOException e) {
      throw ArchiveRefusedException.of(
          RefusalReason.CORRUPT, "The zip archive cannot be read: " + e.getMessage());
    }
    this.entries = zip.getEntriesInPhysicalOrder();
    this.maxRatio = maxRatio;
  }

  @Override
  public ArchiveItem next() {
    if (!entries.hasMoreElements()) {
      return null;
    }
    current = entries.nextElement();
    currentName = EntryNames.printable(current.getRawName());
    return new ArchiveItem(current.getRawName(), kindOf(current));
  }

  private static ArchiveItem.Kind kindOf(ZipArchiveEntry entry) {
    int type = entry.getUnixMode() & TYPE_MASK;
    if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX && type != 0) {
      return switch (type) {
        case REGULAR -> ArchiveItem.Kind.FILE;
        case DIRECTORY -> ArchiveItem.Kind.DIRECTORY;
        case SYMLINK -> ArchiveItem.Kind.SYMLINK;
        default -> ArchiveItem.Kind.SPECIAL;
      };
    }
    return entry.isDirectory() ? ArchiveItem.Kind.DIRECTORY : ArchiveItem.Kind.FILE;
  }

  @Override
  public InputStream content() throws IOException {
    if (!zip.canReadEntryData(current)) {
      throw ArchiveRefusedException.atEntry(
          RefusalReason.CORRUPT,
          currentName,
          "Entry \"" + currentName + "\" uses encryption or a compression method Pergola"
              + " cannot read; use deflate or store");
    }
    long compressed = current.getCompressedSize();
    return new RatioGuard(zip.getInputStream(current), () -> compressed, maxRatio, currentName);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
