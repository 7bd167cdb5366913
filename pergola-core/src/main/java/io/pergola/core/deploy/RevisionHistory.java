package io.pergola.core.deploy;

import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An environment's past, as far as rollbacks need it. */
public interface RevisionHistory {

  /** The deployments of revision {@code number}, if the environment has it. */
  Optional<Map<AppName, Deployment>> at(long number);

  /**
   * The deployed version of {@code app} in each revision, newest revision first; empty where the
   * app was not deployed.
   */
  List<Optional<SemVer>> versionsOf(AppName app);
}
