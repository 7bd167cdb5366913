package io.pergola.server.assets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pergola.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Hot files' bytes in memory, bounded by {@code pergola.assets.memory-cache-size}; files above
 * {@code memory-max-file-size} are never held. When full, the files least likely to be asked for
 * again give way (Caffeine's policy weighs how often and how recently each was read), so a
 * working set larger than the memory keeps its hottest files rather than losing arbitrary ones.
 */
@Component
class AssetBytes {

  private final Cache<String, byte[]> cache;
  private final BlobStore blobs;
  private final long maxFileSize;

  AssetBytes(BlobStore blobs, AssetProperties properties) {
    this.blobs = blobs;
    long capacity = properties.memoryCacheSize().toBytes();
    this.maxFileSize = Math.min(properties.memoryMaxFileSize().toBytes(), capacity);
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(capacity)
            .weigher((String sha256, byte[] bytes) -> bytes.length)
            // Upkeep on the calling thread: no work handed to the common pool per request.
            .executor(Runnable::run)
            .build();
  }

  /** Whether this variant is small enough to be served from memory. */
  boolean cacheable(AssetVariant variant) {
    return variant.size() <= maxFileSize;
  }

  /**
   * The variant's bytes, from memory or loaded into it; only for {@link #cacheable} variants. Two
   * first requests for the same file may both read it from the store: both get the same bytes,
   * and reading outside the cache keeps a slow store from holding up other keys.
   */
  byte[] get(AssetVariant variant) throws IOException {
    byte[] bytes = cache.getIfPresent(variant.sha256());
    if (bytes != null) {
      return bytes;
    }
    try (InputStream in = blobs.open(variant.sha256())) {
      bytes = in.readAllBytes();
    }
    cache.put(variant.sha256(), bytes);
    return bytes;
  }

  /** Bytes held now, once pending evictions are done; for tests and diagnostics. */
  long heldBytes() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  /** Opens a variant too large for memory. */
  InputStream open(AssetVariant variant) throws IOException {
    return blobs.open(variant.sha256());
  }
}
