package io.pergola.server.assets;

import io.pergola.server.registry.PublishedVersion;
import io.pergola.server.registry.VersionPublished;
import io.pergola.server.registry.Versions;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which files each version has and how to serve them, held in memory: a published version never
 * changes, so once loaded its index is right forever. The database is asked once per version (and
 * at most once a second for a version that does not exist, so a storm of bad URLs cannot reach
 * it), never per request in the steady state.
 *
 * <p>Bounded by {@code pergola.assets.indexed-versions}; when full, some versions are dropped and
 * load again on their next request.
 */
@Component
class AssetIndex {

  private static final long NEGATIVE_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** app → version → path → asset; two lookups and no allocation on the hot path. */
  private final Map<String, Map<String, Map<String, Asset>>> apps = new ConcurrentHashMap<>();

  private final Map<String, Long> missing = new ConcurrentHashMap<>();
  private final AtomicInteger indexed = new AtomicInteger();
  private final Versions versions;
  private final int capacity;

  AssetIndex(Versions versions, AssetProperties properties) {
    this.versions = versions;
    this.capacity = properties.indexedVersions();
  }

  /** The version's files by path, or null when the version is not published. */
  Map<String, Asset> files(String app, String version) {
    Map<String, Map<String, Asset>> ofApp = apps.get(app);
    Map<String, Asset> files = ofApp == null ? null : ofApp.get(version);
    return files != null ? files : load(app, version);
  }

  private Map<String, Asset> load(String app, String version) {
    String key = app + '\0' + version;
    Long until = missing.get(key);
    if (until != null && System.nanoTime() - until < 0) {
      return null;
    }
    List<PublishedVersion.VersionFile> rows = versions.files(app, version);
    if (rows.isEmpty()) {
      missing.put(key, System.nanoTime() + NEGATIVE_TTL_NANOS);
      return null;
    }
    missing.remove(key);
    Map<String, Asset> files = new HashMap<>(rows.size() * 2);
    for (PublishedVersion.VersionFile row : rows) {
      files.put(row.path(), toAsset(row));
    }
    makeRoom();
    Map<String, Asset> previous =
        apps.computeIfAbsent(app, a -> new ConcurrentHashMap<>()).putIfAbsent(version, Map.copyOf(files));
    if (previous == null) {
      indexed.incrementAndGet();
    }
    return files;
  }

  private static Asset toAsset(PublishedVersion.VersionFile row) {
    return new Asset(
        row.contentType(),
        AssetVariant.of(row.sha256(), row.size(), null),
        row.gzipSha256() == null ? null : AssetVariant.of(row.gzipSha256(), row.gzipSize(), "gzip"),
        row.brotliSha256() == null ? null : AssetVariant.of(row.brotliSha256(), row.brotliSize(), "br"));
  }

  /** Drops about a tenth of the index when it is full: simpler than LRU, and as good here. */
  private void makeRoom() {
    if (indexed.get() < capacity) {
      return;
    }
    int toDrop = Math.max(1, capacity / 10);
    for (Iterator<Map<String, Map<String, Asset>>> byApp = apps.values().iterator();
        byApp.hasNext() && toDrop > 0; ) {
      Map<String, Map<String, Asset>> ofApp = byApp.next();
      for (Iterator<String> version = ofApp.keySet().iterator(); version.hasNext() && toDrop > 0; ) {
        version.next();
        version.remove();
        indexed.decrementAndGet();
        toDrop--;
      }
    }
  }

  /** A version published on this node is served at once, not after the negative entry expires. */
  @EventListener
  void onPublished(VersionPublished published) {
    missing.remove(published.app() + '\0' + published.version());
  }
}
