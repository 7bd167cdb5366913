package io.pergola.server.storage;

import io.pergola.core.Require;
import io.pergola.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} in a local directory: {@code <root>/ab/cd/abcd…}, two levels of fan-out so
 * no directory grows huge.
 *
 * <p>A blob is copied to {@code <root>/.incoming}, forced to disk, then renamed into place, so it
 * appears whole or not at all and is durable before any database row can point at it.
 */
public final class FilesystemBlobStore implements BlobStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path root;
  private final Path incoming;

  public FilesystemBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.incoming = this.root.resolve(".incoming");
    try {
      Files.createDirectories(incoming);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the blob directory " + incoming, e);
    }
  }

  /** Where the blob lives on disk, whether or not it exists; for zero-copy serving. */
  public Path pathOf(String sha256) {
    Require.argument(
        SHA256.matcher(sha256).matches(), "The blob key \"%s\" is not a SHA-256 hex", sha256);
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  @Override
  public void put(String sha256, Path file) throws IOException {
    Path target = pathOf(sha256);
    if (Files.exists(target)) {
      // Freshen it: the orphan sweeper spares recent blobs, and a publish is about to use this one.
      Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
      return;
    }
    Path temp = Files.createTempFile(incoming, sha256, ".part");
    try {
      Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.createDirectories(target.getParent());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      // Another publish stored the same content meanwhile; content addressing makes it identical.
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public boolean exists(String sha256) {
    return Files.exists(pathOf(sha256));
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    return Files.newInputStream(pathOf(sha256));
  }

  @Override
  public void delete(String sha256) throws IOException {
    Files.deleteIfExists(pathOf(sha256));
  }

  @Override
  public Stream<StoredBlob> list() throws IOException {
    return Files.find(
            root,
            3,
            (path, attributes) ->
                attributes.isRegularFile() && SHA256.matcher(path.getFileName().toString()).matches())
        .map(FilesystemBlobStore::describe);
  }

  private static StoredBlob describe(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return new StoredBlob(
          path.getFileName().toString(),
          attributes.size(),
          attributes.lastModifiedTime().toInstant());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
