package io.pergola.server.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each environment's current revision, held in memory so import maps and shell pages are built
 * without a database query per request. A deploy on this node replaces the snapshot as soon as
 * it commits; deploys on other nodes are picked up by a cheap poll of the revision numbers
 * ({@code pergola.deploy.poll-interval}, default 500 ms). A snapshot is replaced whole, so a
 * reader sees one revision or the next, never a mix.
 */
@Component
public class CurrentRevisions {

  private static final Logger log = LoggerFactory.getLogger(CurrentRevisions.class);

  private final Environments environments;
  private final Map<String, RevisionSnapshot> current = new ConcurrentHashMap<>();

  CurrentRevisions(Environments environments) {
    this.environments = environments;
  }

  /** The environment's current revision, if the environment exists. */
  public Optional<RevisionSnapshot> of(String environment) {
    RevisionSnapshot snapshot = current.get(environment);
    if (snapshot != null) {
      return Optional.of(snapshot);
    }
    return environments
        .currentRevision(environment)
        .flatMap(number -> environments.snapshot(environment, number))
        .map(loaded -> current.merge(environment, loaded, CurrentRevisions::newer));
  }

  /** Takes a freshly committed revision. */
  void committed(RevisionSnapshot snapshot) {
    current.merge(snapshot.environment(), snapshot, CurrentRevisions::newer);
  }

  @Scheduled(fixedDelayString = "${pergola.deploy.poll-interval:500ms}")
  void pollForOtherNodesDeploys() {
    Map<String, Long> numbers;
    try {
      numbers = environments.currentRevisions();
    } catch (RuntimeException e) {
      // The database is away: keep serving the revisions we know; the next poll retries.
      log.debug("Revision poll failed, keeping the last known revisions: {}", e.toString());
      return;
    }
    numbers.forEach(
        (environment, number) -> {
          RevisionSnapshot known = current.get(environment);
          if (known != null && known.number() < number) {
            environments.snapshot(environment, number).ifPresent(this::committed);
          }
        });
  }

  private static RevisionSnapshot newer(RevisionSnapshot a, RevisionSnapshot b) {
    return b.number() > a.number() ? b : a;
  }
}
