package io.pergola.core.deploy;

import io.pergola.core.Require;
import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;

/** A change to an environment. Each one, applied, makes the environment's next revision. */
public sealed interface DeployOperation {

  /** The audit trail's word for it, e.g. {@code promote}. */
  String action();

  /** Deploys {@code version} of {@code app} to everyone (ending any canary of the app). */
  record Promote(AppName app, SemVer version) implements DeployOperation {
    public String action() {
      return "promote";
    }
  }

  /** Puts back the version of {@code app} that was deployed before its current one. */
  record Rollback(AppName app) implements DeployOperation {
    public String action() {
      return "rollback";
    }
  }

  /** Puts the whole environment back as it was at revision {@code number}. */
  record RestoreRevision(long number) implements DeployOperation {
    public RestoreRevision {
      Require.argument(number >= 0, "A revision number is 0 or more, was %s", number);
    }

    public String action() {
      return "restore";
    }
  }

  /** Shows {@code version} of {@code app} to {@code percent} of users. */
  record StartCanary(AppName app, SemVer version, int percent) implements DeployOperation {
    public StartCanary {
      new Canary(version, percent); // validates the share
    }

    public String action() {
      return "canary";
    }
  }

  /** Makes the app's canary the version everyone gets. */
  record PromoteCanary(AppName app) implements DeployOperation {
    public String action() {
      return "canary-promote";
    }
  }

  /** Ends the app's canary; everyone gets the deployed version again. */
  record AbortCanary(AppName app) implements DeployOperation {
    public String action() {
      return "canary-abort";
    }
  }
}
