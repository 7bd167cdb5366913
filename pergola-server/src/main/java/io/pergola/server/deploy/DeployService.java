package io.pergola.server.deploy;

import io.pergola.core.deploy.Canary;
import io.pergola.core.deploy.Change;
import io.pergola.core.deploy.DeployOperation;
import io.pergola.core.deploy.Deployment;
import io.pergola.core.deploy.LibraryContracts;
import io.pergola.core.deploy.RevisionPlanner;
import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import io.pergola.server.auth.Caller;
import io.pergola.server.registry.Apps;
import io.pergola.server.system.DatabaseTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies deploy operations to environments: authorise, plan the next revision, check library
 * contracts, then insert the revision, its deployments and its one audit entry and move the
 * environment forward, all in one transaction under the environment's row lock. Concurrent
 * deploys to one environment therefore happen one after the other, each on the latest revision,
 * and none is lost.
 */
@Service
public class DeployService {

  private final Environments environments;
  private final DeployedVersions versions;
  private final Apps apps;
  private final CurrentRevisions current;
  private final TransactionTemplate transaction;

  DeployService(
      Environments environments,
      DeployedVersions versions,
      Apps apps,
      CurrentRevisions current,
      TransactionTemplate transaction) {
    this.environments = environments;
    this.versions = versions;
    this.apps = apps;
    this.current = current;
    this.transaction = transaction;
  }

  /** How a deploy was asked for, beyond the operation. */
  public record Request(Optional<String> message, boolean force, OptionalLong expectedRevision) {}

  /** Applies {@code operation} to {@code environment}; returns the new revision. */
  public RevisionSnapshot deploy(
      Caller caller, String environment, DeployOperation operation, Request request) {
    authorise(caller, operation, request);
    requirePublished(operation);
    Applied committed = transaction.execute(status -> apply(caller, environment, operation, request));
    current.committed(committed.revision());
    AuditLog.committed(committed.audit());
    return committed.revision();
  }

  /** A change as committed: the new revision and its audit entry. */
  private record Applied(RevisionSnapshot revision, AuditEntry audit) {}

  /** Creates an environment at revision 0 (admins only). */
  public RevisionSnapshot create(Caller caller, String environment) {
    caller.requireAdmin("create environments");
    if (environment == null || !environment.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*") || environment.length() > 64) {
      throw new IllegalArgumentException(
          "The environment name \"" + environment + "\" is not valid: use 1-64 lowercase letters,"
              + " digits and single hyphens, starting with a letter");
    }
    transaction.executeWithoutResult(status -> environments.create(environment, caller.id()));
    return environments.snapshot(environment, 0).orElseThrow();
  }

  private Applied apply(
      Caller caller, String environment, DeployOperation operation, Request request) {
    long number = environments.lockCurrentRevision(environment);
    if (request.expectedRevision().isPresent() && request.expectedRevision().getAsLong() != number) {
      throw new PreconditionFailedException(
          environment + " is at revision " + number + ", not " + request.expectedRevision().getAsLong()
              + " as the request expected (If-Match); reload and decide again");
    }
    var deployments = environments.deploymentsAt(environment, number);
    Change change =
        RevisionPlanner.plan(environment, number, deployments, operation, environments.history(environment));
    List<String> contracts =
        LibraryContracts.introducedBy(environment, deployments, change.deployments(), versions::declared);
    List<String> withdrawn = withdrawnIntroducedBy(deployments, change.deployments());
    if (!request.force()) {
      if (!withdrawn.isEmpty()) {
        throw new WithdrawnVersionException(withdrawn);
      }
      if (!contracts.isEmpty()) {
        throw new ContractViolationException(contracts);
      }
    }
    List<String> violations = new ArrayList<>(withdrawn);
    violations.addAll(contracts);
    long next = number + 1;
    AuditEntry audit =
        new AuditEntry(
            environment,
            next,
            DatabaseTime.now(),
            caller.id(),
            operation.action(),
            change.app().map(AppName::value).orElse(null),
            change.from().map(SemVer::toString).orElse(null),
            change.to().map(SemVer::toString).orElse(null),
            change.canary().map(c -> c.version().toString()).orElse(null),
            change.canary().map(Canary::percent).orElse(null),
            request.message().orElse(null),
            !violations.isEmpty(),
            violations);
    environments.insertRevision(next, change.deployments(), audit);
    return new Applied(new RevisionSnapshot(environment, next, change.deployments(), audit.at(), caller.id()), audit);
  }

  /**
   * The withdrawn versions a change would give people anew: an app's version that is not the one
   * it had, or a canary's that is not the canary it had (a canary's version promoted counts:
   * everyone gets it then).
   */
  private List<String> withdrawnIntroducedBy(Map<AppName, Deployment> before, Map<AppName, Deployment> after) {
    List<String> violations = new ArrayList<>();
    after.forEach(
        (app, deployment) -> {
          Optional<Deployment> was = Optional.ofNullable(before.get(app));
          List<SemVer> added = new ArrayList<>();
          if (!was.map(Deployment::version).equals(Optional.of(deployment.version()))) {
            added.add(deployment.version());
          }
          Optional<SemVer> canary = deployment.canary().map(Canary::version);
          if (canary.isPresent() && !was.flatMap(Deployment::canary).map(Canary::version).equals(canary)) {
            added.add(canary.get());
          }
          for (SemVer version : added) {
            versions.withdrawal(app, version)
                .ifPresent(
                    withdrawal ->
                        violations.add(
                            app + " " + version + " was withdrawn by " + withdrawal.by() + " at "
                                + withdrawal.at().toInstant().truncatedTo(ChronoUnit.SECONDS) + ": "
                                + withdrawal.reason()));
          }
        });
    return violations;
  }

  private void authorise(Caller caller, DeployOperation operation, Request request) {
    if (request.force()) {
      caller.requireAdmin("force a deploy past library contracts or a withdrawn version");
    }
    switch (operation) {
      case DeployOperation.RestoreRevision restore ->
          caller.requireAdmin("restore a whole environment to an earlier revision");
      case DeployOperation.Promote(AppName app, SemVer version) -> requireOwner(caller, app, operation);
      case DeployOperation.Rollback(AppName app) -> requireOwner(caller, app, operation);
      case DeployOperation.StartCanary(AppName app, SemVer version, int percent) -> requireOwner(caller, app, operation);
      case DeployOperation.PromoteCanary(AppName app) -> requireOwner(caller, app, operation);
      case DeployOperation.AbortCanary(AppName app) -> requireOwner(caller, app, operation);
    }
  }

  private void requireOwner(Caller caller, AppName app, DeployOperation operation) {
    caller.requireMayActFor(apps.require(app.value()).team(), operation.action() + " " + app);
  }

  private void requirePublished(DeployOperation operation) {
    switch (operation) {
      case DeployOperation.Promote(AppName app, SemVer version) -> versions.get(app, version);
      case DeployOperation.StartCanary(AppName app, SemVer version, int percent) -> versions.get(app, version);
      default -> {}
    }
  }
}
