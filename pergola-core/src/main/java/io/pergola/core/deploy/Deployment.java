package io.pergola.core.deploy;

import io.pergola.core.Require;
import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import java.util.Optional;

/** One app in an environment: the version everyone gets, and perhaps a canary. */
public record Deployment(AppName app, SemVer version, Optional<Canary> canary) {

  public Deployment {
    Require.nonNull(app, "app");
    Require.nonNull(version, "version");
    canary = canary == null ? Optional.empty() : canary;
  }

  public static Deployment of(AppName app, SemVer version) {
    return new Deployment(app, version, Optional.empty());
  }

  Deployment withCanary(Canary canary) {
    return new Deployment(app, version, Optional.of(canary));
  }

  Deployment withoutCanary() {
    return new Deployment(app, version, Optional.empty());
  }

  /** The version {@code subject} gets: the canary for its share of users, else the deployed one. */
  public SemVer versionFor(String subject) {
    return canary
        .filter(c -> CanaryAssignment.inCanary(subject, app, c))
        .map(Canary::version)
        .orElse(version);
  }
}
