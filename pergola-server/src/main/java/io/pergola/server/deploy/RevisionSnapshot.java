package io.pergola.server.deploy;

import io.pergola.core.deploy.Deployment;
import io.pergola.core.manifest.AppName;
import java.time.OffsetDateTime;
import java.util.Map;

/** An environment at one revision: the single source of its import map and route table. */
public record RevisionSnapshot(
    String environment,
    long number,
    Map<AppName, Deployment> deployments,
    OffsetDateTime createdAt,
    String createdBy) {

  public RevisionSnapshot {
    deployments = Map.copyOf(deployments);
  }
}
