package io.pergola.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The port to where bundle files live, addressed by the lowercase hex SHA-256 of their content.
 *
 * <p>Content addressing makes every stored blob immutable and shared: the same file in many
 * versions is stored once, and {@link #put} of an existing key is a no-op. Implementations must
 * make a blob visible only once it is complete (write elsewhere, then move), so a reader never
 * sees a partial file and a crash leaves at most an unreferenced blob, never a torn one.
 */
public interface BlobStore {

  /**
   * Stores the file's bytes under {@code sha256}. When a blob with that key exists, its content is
   * the same by construction; the store then only renews its {@linkplain StoredBlob#storedAt()
   * date}, so the orphan sweeper's grace period protects a blob that a publish is about to
   * reference. The caller vouches that the key is the file's digest; the file is left in place.
   */
  void put(String sha256, Path file) throws IOException;

  /** Whether a blob with this key is stored. */
  boolean exists(String sha256) throws IOException;

  /** Opens the blob for reading; throws {@link java.nio.file.NoSuchFileException} if absent. */
  InputStream open(String sha256) throws IOException;

  /** Deletes the blob if present. Only the orphan sweeper calls this. */
  void delete(String sha256) throws IOException;

  /** Every stored blob with when it was stored, for the orphan sweeper. The caller closes it. */
  Stream<StoredBlob> list() throws IOException;

  /** One stored blob. */
  record StoredBlob(String sha256, long size, Instant storedAt) {}
}
