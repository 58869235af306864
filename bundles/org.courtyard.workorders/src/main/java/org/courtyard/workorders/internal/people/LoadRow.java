package org.courtyard.workorders.internal.people;

/**
 * The open orders of one technician ({@code userId}) or one team ({@code teamId}, orders not yet
 * accepted by a member): all open ones, by state, and how many of them are overdue.
 */
public record LoadRow(
    Long userId,
    Long teamId,
    int open,
    int dispatched,
    int accepted,
    int inProgress,
    int paused,
    int overdue) {}
