package io.pergola.server.deploy;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One change to an environment, as the audit trail keeps it: who, what, when and why.
 *
 * @param forced whether an admin deployed past library contract violations, which are listed
 */
public record AuditEntry(
    String environment,
    long revision,
    OffsetDateTime at,
    String actor,
    String action,
    String app,
    String fromVersion,
    String toVersion,
    String canaryVersion,
    Integer canaryPercent,
    String message,
    boolean forced,
    List<String> violations) {}
