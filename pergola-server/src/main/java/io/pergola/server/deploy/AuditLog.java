package io.pergola.server.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Each committed change to an environment as one log line, beside its row in the audit trail, so
 * an operator's log search finds who deployed what, where and why. The line reads on its own in
 * the plain-text log; its parts are also key-value pairs ({@code pergola.environment}, {@code
 * pergola.revision}, {@code pergola.action}, {@code pergola.app}, {@code pergola.from}, {@code
 * pergola.to}, {@code pergola.canary.version}, {@code pergola.canary.percent}, {@code
 * pergola.actor}, {@code pergola.reason}, {@code pergola.forced}), fields of their own in
 * structured logs ({@code logging.structured.format.console=ecs}, {@code logstash} or {@code
 * gelf}).
 */
final class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private AuditLog() {}

  static void committed(AuditEntry entry) {
    LoggingEventBuilder line = log.atInfo()
        .addKeyValue("pergola.environment", entry.environment())
        .addKeyValue("pergola.revision", entry.revision())
        .addKeyValue("pergola.action", entry.action())
        .addKeyValue("pergola.actor", entry.actor())
        .addKeyValue("pergola.forced", entry.forced());
    StringBuilder what = new StringBuilder(entry.action());
    if (entry.app() != null) {
      line = line.addKeyValue("pergola.app", entry.app());
      what.append(' ').append(entry.app());
    }
    if (entry.fromVersion() != null || entry.toVersion() != null) {
      line = line.addKeyValue("pergola.from", entry.fromVersion()).addKeyValue("pergola.to", entry.toVersion());
      what.append(' ').append(entry.fromVersion() == null ? "(none)" : entry.fromVersion())
          .append(" -> ").append(entry.toVersion() == null ? "(none)" : entry.toVersion());
    }
    if (entry.canaryVersion() != null) {
      line = line.addKeyValue("pergola.canary.version", entry.canaryVersion())
          .addKeyValue("pergola.canary.percent", entry.canaryPercent());
      what.append(", canary ").append(entry.canaryVersion()).append(" at ").append(entry.canaryPercent()).append(" %");
    }
    if (entry.message() != null) {
      line = line.addKeyValue("pergola.reason", entry.message());
      what.append(" (\"").append(entry.message()).append("\")");
    }
    if (entry.forced()) {
      what.append(", forced past ").append(entry.violations().size()).append(" library contract violation(s)");
    }
    line.log("{} revision {}: {} by {}", entry.environment(), entry.revision(), what, entry.actor());
  }
}
