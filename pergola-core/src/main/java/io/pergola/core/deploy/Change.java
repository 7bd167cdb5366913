package io.pergola.core.deploy;

import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import java.util.Map;
import java.util.Optional;

/**
 * What an operation does to an environment: the deployments of the next revision, and the facts
 * the audit trail records about it.
 *
 * @param app the app changed, empty for a whole-environment restore
 * @param from its deployed version before, if it had one
 * @param to its deployed version after, if it has one
 * @param canary its canary after, if any
 */
public record Change(
    Map<AppName, Deployment> deployments,
    Optional<AppName> app,
    Optional<SemVer> from,
    Optional<SemVer> to,
    Optional<Canary> canary) {

  public Change {
    deployments = Map.copyOf(deployments);
  }
}
