package io.pergola.core.deploy;

import io.pergola.core.Require;
import io.pergola.core.semver.SemVer;

/**
 * A candidate version shown to a share of users, besides an app's deployed version.
 *
 * @param percent the share of users, 1 to 99 (0 is no canary; 100 is a promote)
 */
public record Canary(SemVer version, int percent) {

  public Canary {
    Require.nonNull(version, "version");
    Require.argument(
        percent >= 1 && percent <= 99, "A canary's share must be 1 to 99 percent, was %s", percent);
  }
}
