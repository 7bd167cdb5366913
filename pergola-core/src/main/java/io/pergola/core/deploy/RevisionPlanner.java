package io.pergola.core.deploy;

import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out an environment's next revision from its current one and an operation, or refuses
 * the operation with a reason a person can act on. Pure: storing the revision atomically and
 * checking library contracts are the caller's part.
 */
public final class RevisionPlanner {

  private RevisionPlanner() {}

  public static Change plan(
      String environment,
      long currentNumber,
      Map<AppName, Deployment> current,
      DeployOperation operation,
      RevisionHistory history) {
    Map<AppName, Deployment> next = new HashMap<>(current);
    return switch (operation) {
      case DeployOperation.Promote(AppName app, SemVer version) -> {
        Optional<SemVer> from = versionOf(current, app);
        next.put(app, Deployment.of(app, version));
        yield change(next, app, from);
      }
      case DeployOperation.Rollback(AppName app) -> {
        SemVer deployed = deployed(environment, current, app).version();
        SemVer previous = previousVersion(history.versionsOf(app), deployed)
            .orElseThrow(
                () ->
                    new DeployRefusedException(
                        app + " has had no other version in " + environment + " before " + deployed
                            + "; there is nothing to roll back to"));
        next.put(app, Deployment.of(app, previous));
        yield change(next, app, Optional.of(deployed));
      }
      case DeployOperation.RestoreRevision(long number) -> {
        if (number >= currentNumber) {
          throw new DeployRefusedException(
              environment + " is at revision " + currentNumber + "; restore an earlier one, not "
                  + number);
        }
        Map<AppName, Deployment> restored =
            history
                .at(number)
                .orElseThrow(() -> new DeployRefusedException(environment + " has no revision " + number));
        yield new Change(restored, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
      }
      case DeployOperation.StartCanary(AppName app, SemVer version, int percent) -> {
        Deployment deployment = deployed(environment, current, app);
        if (deployment.version().equals(version)) {
          throw new DeployRefusedException(
              app + " " + version + " is already what everyone gets in " + environment
                  + "; a canary needs a different version");
        }
        next.put(app, deployment.withCanary(new Canary(version, percent)));
        yield change(next, app, Optional.of(deployment.version()));
      }
      case DeployOperation.PromoteCanary(AppName app) -> {
        Deployment deployment = deployed(environment, current, app);
        Canary canary = canaryOf(environment, deployment);
        next.put(app, Deployment.of(app, canary.version()));
        yield change(next, app, Optional.of(deployment.version()));
      }
      case DeployOperation.AbortCanary(AppName app) -> {
        Deployment deployment = deployed(environment, current, app);
        canaryOf(environment, deployment);
        next.put(app, deployment.withoutCanary());
        yield change(next, app, Optional.of(deployment.version()));
      }
    };
  }

  private static Change change(Map<AppName, Deployment> next, AppName app, Optional<SemVer> from) {
    Deployment after = next.get(app);
    return new Change(
        next,
        Optional.of(app),
        from,
        Optional.ofNullable(after).map(Deployment::version),
        Optional.ofNullable(after).flatMap(Deployment::canary));
  }

  private static Optional<SemVer> versionOf(Map<AppName, Deployment> deployments, AppName app) {
    return Optional.ofNullable(deployments.get(app)).map(Deployment::version);
  }

  private static Deployment deployed(String environment, Map<AppName, Deployment> current, AppName app) {
    Deployment deployment = current.get(app);
    if (deployment == null) {
      throw new DeployRefusedException(
          app + " is not deployed in " + environment + "; promote a version of it first");
    }
    return deployment;
  }

  private static Canary canaryOf(String environment, Deployment deployment) {
    return deployment
        .canary()
        .orElseThrow(
            () ->
                new DeployRefusedException(
                    deployment.app() + " has no canary in " + environment));
  }

  /** The version deployed before the current run of {@code deployed}, newest first. */
  private static Optional<SemVer> previousVersion(List<Optional<SemVer>> newestFirst, SemVer deployed) {
    boolean inCurrentRun = true;
    for (Optional<SemVer> version : newestFirst) {
      if (inCurrentRun && version.isPresent() && version.get().equals(deployed)) {
        continue;
      }
      inCurrentRun = false;
      if (version.isPresent()) {
        return version;
      }
    }
    return Optional.empty();
  }
}
