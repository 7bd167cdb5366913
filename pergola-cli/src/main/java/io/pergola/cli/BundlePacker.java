package io.pergola.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Packs a bundle directory into a tar.gz, deterministically: entries sorted, fixed times, no
 * owners, so the same files always give the same bytes. Refuses what the registry would refuse
 * anyway (links, special files), before uploading anything.
 */
final class BundlePacker {

  private static final FileTime EPOCH = FileTime.fromMillis(0);

  private BundlePacker() {}

  static void pack(Path dir, Path target) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(path -> !path.equals(dir)).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(target);
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Path file : files) {
        String name = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        if (Files.isSymbolicLink(file)) {
          throw new UsageException(
              name + " is a symbolic link; bundles hold plain files only (copy the target in)");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          throw new UsageException(name + " is not a regular file; bundles hold plain files only");
        }
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setModTime(EPOCH);
        entry.setMode(0100644);
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
      }
    }
  }
}
