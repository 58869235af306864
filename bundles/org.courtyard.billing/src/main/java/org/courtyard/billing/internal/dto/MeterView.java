package org.courtyard.billing.internal.dto;

import java.time.Instant;
import java.time.LocalDate;

/** A meter (水表 / 电表 / 燃气表) of a room. */
public record MeterView(
    long id,
    long roomId,
    String type,
    String serial,
    LocalDate installedAt,
    LocalDate removedAt,
    Instant createdAt,
    int version) {}
