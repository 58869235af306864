package org.courtyard.workorders.internal.dto;

import java.time.Instant;

/**
 * One deadline of an order: the minutes allowed, when it is due and flagged, when it was met, where
 * it stands now ({@code on_time}, {@code warning}, {@code breached}, {@code paused}, {@code met},
 * {@code met_late}), when the sweep warned and escalated; for the resolution, the counted minutes
 * used and the wall minutes spent paused.
 */
public record ClockView(
    int minutes,
    Instant due,
    Instant warnAt,
    Instant metAt,
    String state,
    Instant warnedAt,
    Instant breachedAt,
    Long usedMinutes,
    Long pausedMinutes) {}
