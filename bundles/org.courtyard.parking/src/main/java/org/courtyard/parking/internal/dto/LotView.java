package org.courtyard.parking.internal.dto;

import java.time.Instant;

/** A parking lot with the number of its spaces. */
public record LotView(
    long id,
    long estateId,
    String code,
    String name,
    String location,
    int levels,
    int temporarySpaces,
    long spaces,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
