package io.pergola.server.login;

import io.pergola.core.deploy.Deployment;
import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import io.pergola.server.deploy.CurrentRevisions;
import io.pergola.server.deploy.DeployedVersions;
import io.pergola.server.deploy.RevisionSnapshot;
import io.pergola.server.shell.ShellProperties;
import org.springframework.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audiences a child declares in its manifest, for the versions deployed in the shell's
 * environment (the stable one and a canary's: a user on either may ask), read from memory, and
 * whether the login grants it tokens for them: the one rule for the token endpoint and for the
 * tokens the shell sends fragment services.
 */
final class AppAudiences {

  /** Whether a child gets tokens, and for which audiences. */
  sealed interface Grant {}

  /** The child gets tokens for {@code audiences}. */
  record Granted(List<String> audiences) implements Grant {}

  /** The child gets none, for the reason a problem document would say. */
  record Refused(HttpStatus status, String slug, String title, String detail) implements Grant {}

  private final CurrentRevisions revisions;
  private final DeployedVersions versions;
  private final ShellProperties shell;
  private final LoginProperties login;

  AppAudiences(CurrentRevisions revisions, DeployedVersions versions, ShellProperties shell, LoginProperties login) {
    this.revisions = revisions;
    this.versions = versions;
    this.shell = shell;
    this.login = login;
  }

  /**
   * Granted when the app is deployed in the shell's environment and declares audiences, each one
   * among {@code pergola.login.audiences}.
   */
  Grant grantFor(AppName app) {
    Optional<List<String>> declared = of(app);
    if (declared.isEmpty()) {
      return new Refused(HttpStatus.NOT_FOUND, "app-not-deployed", "App not deployed",
          "\"" + app + "\" is not deployed in this shell's environment");
    }
    List<String> audiences = declared.get();
    if (audiences.isEmpty()) {
      return new Refused(HttpStatus.FORBIDDEN, "no-audience", "No audience declared",
          "\"" + app + "\" declares no \"audiences\" in its pergola.json, so it gets no tokens");
    }
    List<String> unknown = new ArrayList<>(audiences);
    unknown.removeAll(login.audiences());
    if (!unknown.isEmpty()) {
      return new Refused(HttpStatus.FORBIDDEN, "unknown-audience", "Audience not configured",
          "\"" + app + "\" declares audiences " + unknown + " that are not among pergola.login.audiences " + login.audiences());
    }
    return new Granted(audiences);
  }

  /** The declared audiences, or empty if the app is not deployed in the shell's environment. */
  private Optional<List<String>> of(AppName app) {
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
