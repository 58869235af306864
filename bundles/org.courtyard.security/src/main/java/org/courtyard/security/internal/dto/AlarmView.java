package org.courtyard.security.internal.dto;

import java.time.Instant;

/** An alarm and where it is in its life: {@code raised}, {@code acknowledged}, {@code resolved}. */
public record AlarmView(
    long id,
    String kind,
    String deviceId,
    String source,
    String detail,
    String status,
    Instant raisedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    String resolvedBy,
    String note) {}
