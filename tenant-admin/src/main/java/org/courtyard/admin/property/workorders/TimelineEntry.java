package org.courtyard.admin.property.workorders;

import java.io.Serializable;
import java.time.Instant;

/**
 * One step in a work order's life, as {@code /orders/{id}/timeline} lists them oldest first: who
 * ({@code actorKind} staff, technician, resident or system, and their id), when, the action, the
 * states before and after, the note or reason, and the assignee a dispatch or transfer named.
 */
public record TimelineEntry(
    long id,
    Instant at,
    String actorKind,
    String actorId,
    String action,
    String from,
    String to,
    String note,
    String reason,
    Long assigneeUserId,
    Long assigneeTeamId)
    implements Serializable {}
