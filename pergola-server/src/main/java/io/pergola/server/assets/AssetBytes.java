package io.pergola.server.assets;

import io.pergola.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Hot files' bytes in memory, bounded by {@code pergola.assets.memory-cache-size}; files above
 * {@code memory-max-file-size} are never held. Reads are lock-free. When full, arbitrary entries
 * make room: under a steady load the hot set re-enters at once, and the bound is what matters.
 */
@Component
class AssetBytes {

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
  private final AtomicLong held = new AtomicLong();
  private final BlobStore blobs;
  private final long capacity;
  private final long maxFileSize;

  AssetBytes(BlobStore blobs, AssetProperties properties) {
    this.blobs = blobs;
    this.capacity = properties.memoryCacheSize().toBytes();
    this.maxFileSize = Math.min(properties.memoryMaxFileSize().toBytes(), capacity);
  }

  /** Whether this variant is small enough to be served from memory. */
  boolean cacheable(AssetVariant variant) {
    return variant.size() <= maxFileSize;
  }

  /** The variant's bytes, from memory or loaded into it; only for {@link #cacheable} variants. */
  byte[] get(AssetVariant variant) throws IOException {
    byte[] bytes = cache.get(variant.sha256());
    if (bytes != null) {
      return bytes;
    }
    try (InputStream in = blobs.open(variant.sha256())) {
      bytes = in.readAllBytes();
    }
    makeRoom(bytes.length);
    if (cache.putIfAbsent(variant.sha256(), bytes) == null) {
      held.addAndGet(bytes.length);
    }
    return bytes;
  }

  private void makeRoom(long needed) {
    for (Iterator<String> keys = cache.keySet().iterator();
        held.get() + needed > capacity && keys.hasNext(); ) {
      byte[] dropped = cache.remove(keys.next());
      if (dropped != null) { // another thread may have dropped it first
        held.addAndGet(-dropped.length);
      }
    }
  }

  /** Opens a variant too large for memory. */
  InputStream open(AssetVariant variant) throws IOException {
    return blobs.open(variant.sha256());
  }
}
