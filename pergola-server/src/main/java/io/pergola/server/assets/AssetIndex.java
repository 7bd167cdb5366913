package io.pergola.server.assets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pergola.server.registry.PublishedVersion;
import io.pergola.server.registry.VersionPublished;
import io.pergola.server.registry.Versions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which files each version has and how to serve them, held in memory: a published version never
 * changes, so once loaded its index is right forever. The database is asked once per version (and
 * at most once a second for a version that does not exist, so a storm of bad URLs cannot reach
 * it), never per request in the steady state.
 *
 * <p>Bounded by {@code pergola.assets.indexed-versions}; when full, the versions least likely to be
 * asked for again are dropped and load again on their next request. The versions known not to
 * exist are bounded too: made-up URLs cost a bounded amount of memory however many there are.
 */
@Component
class AssetIndex {

  private static final Duration NEGATIVE_TTL = Duration.ofSeconds(1);
  private static final int MAX_MISSING = 10_000;

  private record VersionKey(String app, String version) {}

  private final Cache<VersionKey, Map<String, Asset>> indexed;
  private final Cache<VersionKey, Boolean> missing;
  private final Versions versions;

  AssetIndex(Versions versions, AssetProperties properties) {
    this.versions = versions;
    // Upkeep on the calling thread: no work handed to the common pool per request.
    this.indexed = Caffeine.newBuilder().maximumSize(properties.indexedVersions()).executor(Runnable::run).build();
    this.missing =
        Caffeine.newBuilder().maximumSize(MAX_MISSING).expireAfterWrite(NEGATIVE_TTL).executor(Runnable::run).build();
  }

  /** The version's files by path, or null when the version is not published. */
  Map<String, Asset> files(String app, String version) {
    VersionKey key = new VersionKey(app, version);
    Map<String, Asset> files = indexed.getIfPresent(key);
    return files != null ? files : load(key);
  }

  private Map<String, Asset> load(VersionKey key) {
    if (missing.getIfPresent(key) != null) {
      return null;
    }
    List<PublishedVersion.VersionFile> rows = versions.files(key.app(), key.version());
    if (rows.isEmpty()) {
      missing.put(key, Boolean.TRUE);
      return null;
    }
    Map<String, Asset> files = new HashMap<>(rows.size() * 2);
    for (PublishedVersion.VersionFile row : rows) {
      files.put(row.path(), toAsset(row));
    }
    Map<String, Asset> index = Map.copyOf(files);
    indexed.put(key, index);
    return index;
  }

  /** Versions in memory now, once pending evictions are done; for tests and diagnostics. */
  long indexedVersions() {
    indexed.cleanUp();
    return indexed.estimatedSize();
  }

  /** Versions remembered as missing now, once pending evictions are done; for tests. */
  long missingVersions() {
    missing.cleanUp();
    return missing.estimatedSize();
  }

  private static Asset toAsset(PublishedVersion.VersionFile row) {
    return Asset.of(
        row.contentType(),
        AssetVariant.of(row.sha256(), row.size(), null),
        row.gzipSha256() == null ? null : AssetVariant.of(row.gzipSha256(), row.gzipSize(), "gzip"),
        row.brotliSha256() == null ? null : AssetVariant.of(row.brotliSha256(), row.brotliSize(), "br"));
  }

  /** A version published on this node is served at once, not after the negative entry expires. */
  @EventListener
  void onPublished(VersionPublished published) {
    missing.invalidate(new VersionKey(published.app(), published.version()));
  }
}
