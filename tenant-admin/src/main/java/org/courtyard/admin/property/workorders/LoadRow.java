package org.courtyard.admin.property.workorders;

import java.io.Serializable;

/**
 * One technician's or team's share of the open work, as {@code GET /workorders/load} answers it:
 * exactly one of {@code userId} and {@code teamId} is set.
 */
public record LoadRow(
    Long userId, Long teamId, int open, int accepted, int inProgress, int paused, int overdue)
    implements Serializable {}
