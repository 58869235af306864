package org.courtyard.workorders.internal.dto;

import java.time.Instant;

/** One step of an order's timeline: who did what, when, from which state to which, and why. */
public record TimelineView(
    long id,
    Instant at,
    String actorKind,
    Long actorId,
    String action,
    String from,
    String to,
    String note,
    String reason,
    Long assigneeUserId,
    Long assigneeTeamId) {}
