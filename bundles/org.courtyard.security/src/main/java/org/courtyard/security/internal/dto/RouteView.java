package org.courtyard.security.internal.dto;

import java.time.Instant;
import java.util.List;

/**
 * A patrol route: {@code active}, or {@code retired} (since {@code retiredAt}: its rounds stay, it
 * gets no new ones). {@code version} is sent back to edit it.
 */
public record RouteView(
    long id,
    String name,
    List<String> checkpoints,
    List<String> times,
    int roundMinutes,
    String status,
    Instant retiredAt,
    int version) {}
