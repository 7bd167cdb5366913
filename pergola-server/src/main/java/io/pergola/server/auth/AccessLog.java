package io.pergola.server.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Each change to who may do what (a team created, a token issued or revoked, an app given to a
 * team) as one log line naming who made it, as deploys have theirs: the audit trail is per
 * environment and these changes belong to none. Its parts are also key-value pairs ({@code
 * pergola.action}, {@code pergola.actor}, {@code pergola.team}, {@code pergola.token}, {@code
 * pergola.app}), fields of their own in structured logs. Never a token's secret, only its id.
 */
public final class AccessLog {

  private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

  private AccessLog() {}

  static void teamCreated(Caller by, String team) {
    line("team-create", by).addKeyValue("pergola.team", team).log("Team {} created by {}", team, by.id());
  }

  static void tokenIssued(Caller by, String team, String id, String label) {
    line("token-issue", by)
        .addKeyValue("pergola.team", team)
        .addKeyValue("pergola.token", id)
        .log("Token {} (\"{}\") issued for team {} by {}", id, label, team, by.id());
  }

  static void tokenRevoked(Caller by, String id) {
    line("token-revoke", by).addKeyValue("pergola.token", id).log("Token {} revoked by {}", id, by.id());
  }

  public static void appRegistered(Caller by, String app, String team) {
    line("app-register", by)
        .addKeyValue("pergola.app", app)
        .addKeyValue("pergola.team", team)
        .log("App {} registered for team {} by {}", app, team, by.id());
  }

  private static LoggingEventBuilder line(String action, Caller by) {
    return log.atInfo().addKeyValue("pergola.action", action).addKeyValue("pergola.actor", by.id());
  }
}
