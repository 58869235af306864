package org.courtyard.identity.internal.dto;

import java.time.Instant;

/** One row of the audit log. */
public record AuditEntryView(
    long id,
    Instant at,
    String principalKind,
    String principalId,
    String principalName,
    String operation,
    String permission,
    String objectIds,
    String summary,
    String source,
    String requestId,
    String outcome) {}
