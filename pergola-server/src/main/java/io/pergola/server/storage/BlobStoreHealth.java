package io.pergola.server.storage;

import io.pergola.core.storage.BlobStore;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the blob store answers: part of readiness, so a node that lost its object store says so
 * (while it keeps serving the files it holds in memory), and of nothing else, so liveness stays UP
 * and the node is not restarted for someone else's outage.
 */
@Component("blobStoreHealthIndicator") // the health contributor "blobStore"
class BlobStoreHealth implements HealthIndicator {

  private final BlobStore blobs;

  BlobStoreHealth(BlobStore blobs) {
    this.blobs = blobs;
  }

  @Override
  public Health health() {
    try (Stream<BlobStore.StoredBlob> listed = blobs.list()) {
      listed.findAny(); // one page of a listing proves the store answers
      return Health.up().build();
    } catch (Exception e) {
      return Health.down().withDetail("error", e.getMessage()).build();
    }
  }
}
