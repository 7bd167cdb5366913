package io.pergola.server.registry;

import io.pergola.core.storage.BlobStore;
import io.pergola.server.config.PergolaProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what interrupted publishes left behind: blobs no version references once they are
 * older than {@code pergola.registry.orphan-grace} (younger ones may belong to a publish still
 * running, on this node or another), and, at start-up, this node's scratch files.
 */
@Component
class OrphanSweeper implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);

  private final BlobStore blobs;
  private final Versions versions;
  private final RegistryProperties properties;
  private final Path workDir;

  OrphanSweeper(
      BlobStore blobs, Versions versions, RegistryProperties properties, PergolaProperties pergola) {
    this.blobs = blobs;
    this.versions = versions;
    this.properties = properties;
    this.workDir = pergola.workDir();
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    // Nothing can be using the scratch directory before this node serves its first request.
    if (Files.exists(workDir)) {
      try (Stream<Path> leftovers = Files.list(workDir)) {
        for (Path leftover : leftovers.toList()) {
          PublishService.deleteRecursively(leftover);
          log.info("Removed {} left by an interrupted publish", leftover.getFileName());
        }
      }
    }
    sweep();
  }

  @Scheduled(
      fixedDelayString = "${pergola.registry.sweep-interval:1h}",
      initialDelayString = "${pergola.registry.sweep-interval:1h}")
  void scheduledSweep() throws IOException {
    sweep();
  }

  /** Deletes unreferenced blobs older than the grace period; returns how many. */
  int sweep() throws IOException {
    Instant cutoff = Instant.now().minus(properties.orphanGrace());
    List<BlobStore.StoredBlob> candidates;
    try (Stream<BlobStore.StoredBlob> stored = blobs.list()) {
      candidates = stored.filter(blob -> !blob.storedAt().isAfter(cutoff)).toList();
    }
    int deleted = 0;
    for (BlobStore.StoredBlob blob : candidates) {
      if (!versions.isReferenced(blob.sha256())) {
        blobs.delete(blob.sha256());
        deleted++;
      }
    }
    if (deleted > 0) {
      log.info("Deleted {} orphaned blob(s) that no version references", deleted);
    }
    return deleted;
  }
}
