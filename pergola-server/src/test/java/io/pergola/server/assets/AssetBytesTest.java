package io.pergola.server.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pergola.core.storage.BlobStore;
import io.pergola.server.storage.FilesystemBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class AssetBytesTest {

  @TempDir Path dir;

  /** The store the tests read through, counting how often a file is read from it. */
  private final class CountingStore implements BlobStore {
    private final BlobStore store = new FilesystemBlobStore(dir.resolve("store"));
    private final AtomicInteger opens = new AtomicInteger();

    AssetVariant add(String name, int size) throws IOException, NoSuchAlgorithmException {
      byte[] bytes = name.repeat(size / name.length() + 1).substring(0, size).getBytes();
      Path file = Files.write(dir.resolve(name), bytes);
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      store.put(sha256, file);
      return AssetVariant.of(sha256, size, null);
    }

    @Override
    public void put(String sha256, Path file) throws IOException {
      store.put(sha256, file);
    }

    @Override
    public boolean exists(String sha256) throws IOException {
      return store.exists(sha256);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
      opens.incrementAndGet();
      return store.open(sha256);
    }

    @Override
    public void delete(String sha256) throws IOException {
      store.delete(sha256);
    }

    @Override
    public Stream<StoredBlob> list() throws IOException {
      return store.list();
    }
  }

  private static AssetProperties memory(String cacheSize, String maxFileSize) {
    return new AssetProperties(List.of("*"), DataSize.parse(cacheSize), DataSize.parse(maxFileSize), 10);
  }

  @Test
  void aFileReadOnceIsServedFromMemoryAfterwards() throws Exception {
    CountingStore store = new CountingStore();
    AssetVariant file = store.add("a", 1000);
    AssetBytes bytes = new AssetBytes(store, memory("10KB", "2KB"));

    byte[] first = bytes.get(file);
    byte[] again = bytes.get(file);

    assertThat(again).isSameAs(first).hasSize(1000);
    assertThat(store.opens).hasValue(1);
  }

  @Test
  void neverHoldsMoreThanItsSize() throws Exception {
    CountingStore store = new CountingStore();
    AssetBytes bytes = new AssetBytes(store, memory("4KB", "2KB"));

    for (int i = 0; i < 20; i++) {
      bytes.get(store.add("file" + i, 1000));
    }

    assertThat(bytes.heldBytes()).isLessThanOrEqualTo(4096);
  }

  @Test
  void aHotFileStaysInMemoryWhileFilesReadOnceComeAndGo() throws Exception {
    CountingStore store = new CountingStore();
    AssetVariant hot = store.add("hot", 1000);
    AssetBytes bytes = new AssetBytes(store, memory("4KB", "2KB"));
    for (int i = 0; i < 10; i++) {
      bytes.get(hot);
    }

    for (int i = 0; i < 30; i++) {
      bytes.get(store.add("cold" + i, 1000));
      bytes.get(hot);
    }

    assertThat(store.opens.get()).as("reads of the store: the hot file once, each cold file once").isEqualTo(31);
  }

  @Test
  void filesAboveTheLimitAreNotForMemory() throws Exception {
    CountingStore store = new CountingStore();
    AssetBytes bytes = new AssetBytes(store, memory("10KB", "2KB"));

    assertThat(bytes.cacheable(store.add("small", 2048))).isTrue();
    assertThat(bytes.cacheable(store.add("large", 2049))).isFalse();
  }
}
