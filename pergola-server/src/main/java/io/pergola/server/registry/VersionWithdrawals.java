package io.pergola.server.registry;

import io.pergola.core.NotFoundException;
import io.pergola.core.manifest.AppName;
import io.pergola.core.semver.SemVer;
import io.pergola.server.auth.Caller;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A team takes back a version it published, as a package registry's yank does: the version stays
 * published and served (it is immutable, and pages that name it keep working), but no deploy
 * gives it to anybody anew (a promote, a canary, a rollback to it) unless an admin forces it; the
 * listings say why. Taking the withdrawal back makes it deployable again. Each is a log line.
 */
@Service
public class VersionWithdrawals {

  /** Long enough for a sentence and a link, as an audit entry's message. */
  static final int MAX_REASON = 2000;

  private static final Logger log = LoggerFactory.getLogger(VersionWithdrawals.class);

  private final Apps apps;
  private final Versions versions;

  VersionWithdrawals(Apps apps, Versions versions) {
    this.apps = apps;
    this.versions = versions;
  }

  /** Withdraws {@code app@version} for {@code reason}; withdrawing it again changes nothing. */
  Versions.Withdrawal withdraw(Caller caller, String app, String version, String reason) {
    requirePublishedAndOwned(caller, app, version, "withdraw");
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new IllegalArgumentException(
          "Say why " + app + " " + version + " is withdrawn (\"reason\", 1 to " + MAX_REASON
              + " characters): the teams that cannot deploy it read it");
    }
    Optional<Versions.Withdrawal> earlier = versions.withdrawal(app, version);
    if (earlier.isPresent()) {
      return earlier.get(); // withdrawn before: neither a new withdrawal nor a log line saying so
    }
    Versions.Withdrawal withdrawal = versions.withdraw(app, version, caller.id(), reason.strip());
    log.atInfo()
        .addKeyValue("pergola.action", "withdraw")
        .addKeyValue("pergola.app", app)
        .addKeyValue("pergola.version", version)
        .addKeyValue("pergola.actor", caller.id())
        .addKeyValue("pergola.reason", withdrawal.reason())
        .log("Withdrew {} {} (\"{}\") by {}", app, version, withdrawal.reason(), caller.id());
    return withdrawal;
  }

  /** Makes {@code app@version} deployable again. */
  void takeBack(Caller caller, String app, String version) {
    requirePublishedAndOwned(caller, app, version, "take back the withdrawal of");
    if (versions.takeBack(app, version)) {
      log.atInfo()
          .addKeyValue("pergola.action", "withdrawal-taken-back")
          .addKeyValue("pergola.app", app)
          .addKeyValue("pergola.version", version)
          .addKeyValue("pergola.actor", caller.id())
          .log("Took back the withdrawal of {} {} by {}", app, version, caller.id());
    }
  }

  private void requirePublishedAndOwned(Caller caller, String app, String version, String action) {
    AppName.of(app);
    SemVer.parse(version);
    Apps.App registered = apps.require(app);
    caller.requireMayActFor(registered.team(), action + " " + app + " " + version);
    if (!versions.exists(app, version)) {
      throw new NotFoundException("The app \"" + app + "\" has no version \"" + version + "\"");
    }
  }
}
