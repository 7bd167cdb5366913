package io.pergola.server.login;

import io.pergola.core.deploy.Deployment;
import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import io.pergola.server.deploy.CurrentRevisions;
import io.pergola.server.deploy.DeployedVersions;
import io.pergola.server.deploy.RevisionSnapshot;
import io.pergola.server.shell.ShellProperties;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audiences a child declares in its manifest, for the versions deployed in the shell's
 * environment (the stable one and a canary's: a user on either may ask), read from memory.
 */
final class AppAudiences {

  private final CurrentRevisions revisions;
  private final DeployedVersions versions;
  private final ShellProperties shell;

  AppAudiences(CurrentRevisions revisions, DeployedVersions versions, ShellProperties shell) {
    this.revisions = revisions;
    this.versions = versions;
    this.shell = shell;
  }

  /** The declared audiences, or empty if the app is not deployed in the shell's environment. */
  Optional<List<String>> of(AppName app) {
    Optional<Deployment> deployment =
        revisions.of(shell.environment()).map(RevisionSnapshot::deployments).map(all -> all.get(app));
    return deployment.map(
        deployed -> {
          Set<String> audiences = new LinkedHashSet<>(audiencesOf(app, deployed.version()));
          deployed.canary().ifPresent(canary -> audiences.addAll(audiencesOf(app, canary.version())));
          return List.copyOf(audiences);
        });
  }

  private List<String> audiencesOf(AppName app, SemVer version) {
    return versions.get(app, version).manifest().audiences();
  }
}
