package org.courtyard.security.internal.dto;

import java.time.Instant;
import java.util.List;

/**
 * A round and how it went: {@code scheduled}, {@code in_progress}, {@code completed} or {@code
 * missed} (its window passed with checkpoints left; they are listed in {@code missed}).
 */
public record RoundView(
    long id,
    long routeId,
    String route,
    Instant startsAt,
    Instant dueAt,
    String status,
    List<CheckinView> checkins,
    List<String> missed) {}
