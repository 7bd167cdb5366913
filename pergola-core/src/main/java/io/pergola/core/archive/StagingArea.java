package io.pergola.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The directory where an inspection writes what it accepts, each file named by its SHA-256.
 * Writing hashes as it copies (SHA-256 for the blob key, SHA-384 for Subresource Integrity) and
 * enforces the per-file and total limits on the bytes as they arrive.
 */
final class StagingArea {

  /** What staging one file produced. */
  record Staged(Path path, String sha256, String integrity, long size) {}

  interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Path dir;
  private final ArchiveLimits limits;
  private long totalBytes;

  StagingArea(Path dir, ArchiveLimits limits) {
    this.dir = dir;
    this.limits = limits;
  }

  /** Copies one entry's content in, refusing past the per-file or total limit. */
  Staged stage(String path, InputStream content) throws IOException {
    Path temp = Files.createTempFile(dir, "entry", ".part");
    try {
      MessageDigest sha256 = digest("SHA-256");
      MessageDigest sha384 = digest("SHA-384");
      long size = 0;
      try (OutputStream out =
          new DigestOutputStream(new DigestOutputStream(Files.newOutputStream(temp), sha256), sha384)) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = content.read(buffer)) >= 0) {
          size += n;
          totalBytes += n;
          checkLimits(path, size);
          out.write(buffer, 0, n);
        }
      }
      String key = HexFormat.of().formatHex(sha256.digest());
      String integrity = "sha384-" + Base64.getEncoder().encodeToString(sha384.digest());
      return new Staged(moveToKey(temp, key), key, integrity, size);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Stages a derived file (a compressed variant) if it comes out smaller than {@code limit}. */
  Optional<BundleFile.Variant> stageVariant(long limit, Writer writer) throws IOException {
    Path temp = Files.createTempFile(dir, "variant", ".part");
    try {
      MessageDigest sha256 = digest("SHA-256");
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
        writer.writeTo(out);
      }
      long size = Files.size(temp);
      if (size >= limit) {
        return Optional.empty();
      }
      String key = HexFormat.of().formatHex(sha256.digest());
      moveToKey(temp, key);
      return Optional.of(new BundleFile.Variant(key, size));
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void checkLimits(String path, long size) {
    if (size > limits.maxFileBytes()) {
      throw ArchiveRefusedException.overLimit(
          RefusalReason.FILE_TOO_LARGE,
          path,
          limits.maxFileBytes(),
          "Entry \"" + path + "\" is larger than the limit of " + limits.maxFileBytes() + " bytes per file");
    }
    if (totalBytes > limits.maxTotalBytes()) {
      throw ArchiveRefusedException.overLimit(
          RefusalReason.ARCHIVE_TOO_LARGE,
          path,
          limits.maxTotalBytes(),
          "The bundle's files add up to more than the limit of " + limits.maxTotalBytes() + " bytes (reached at \"" + path + "\")");
    }
  }

  private Path moveToKey(Path temp, String key) throws IOException {
    Path target = dir.resolve(key);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException sameContent) {
      // The same bytes appear twice in the bundle; one staged copy serves both.
    }
    return target;
  }

  /** Removes everything staged, leaving the directory empty. */
  void clear() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has " + algorithm, e);
    }
  }
}
