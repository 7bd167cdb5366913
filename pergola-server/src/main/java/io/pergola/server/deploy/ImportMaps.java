package io.pergola.server.deploy;

import io.pergola.core.deploy.Deployment;
import io.pergola.core.deploy.ImportMap;
import io.pergola.core.deploy.ImportMapBuilder;
import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Import maps of revisions, for everyone or resolved for one user's canaries. */
@Component
public class ImportMaps {

  private final DeployedVersions versions;
  private final ImportMapBuilder builder;

  ImportMaps(DeployedVersions versions, @Value("${pergola.deploy.asset-base-url:}") String assetBase) {
    this.versions = versions;
    this.builder = new ImportMapBuilder(assetBase);
  }

  /** Everyone's versions ({@code subject} null) or the versions {@code subject} gets. */
  public ImportMap of(RevisionSnapshot revision, String subject) {
    Map<AppName, SemVer> resolved = new HashMap<>();
    for (Deployment deployment : revision.deployments().values()) {
      resolved.put(
          deployment.app(), subject == null ? deployment.version() : deployment.versionFor(subject));
    }
    return builder.build(resolved, (app, version) -> versions.get(app, version).modules());
  }
}
