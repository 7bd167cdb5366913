package io.pergola.server.deploy;

import io.pergola.core.deploy.Deployment;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/** A revision as the API shows it. */
record RevisionView(
    String environment,
    long revision,
    OffsetDateTime createdAt,
    String createdBy,
    List<DeploymentView> deployments) {

  record DeploymentView(String app, String version, CanaryView canary) {}

  record CanaryView(String version, int percent) {}

  static RevisionView of(RevisionSnapshot snapshot) {
    return new RevisionView(
        snapshot.environment(),
        snapshot.number(),
        snapshot.createdAt(),
        snapshot.createdBy(),
        snapshot.deployments().values().stream()
            .sorted(Comparator.comparing(deployment -> deployment.app().value()))
            .map(RevisionView::deployment)
            .toList());
  }

  private static DeploymentView deployment(Deployment deployment) {
    return new DeploymentView(
        deployment.app().value(),
        deployment.version().toString(),
        deployment
            .canary()
            .map(canary -> new CanaryView(canary.version().toString(), canary.percent()))
            .orElse(null));
  }
}
