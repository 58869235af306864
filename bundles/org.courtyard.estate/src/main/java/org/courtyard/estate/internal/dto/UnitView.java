package org.courtyard.estate.internal.dto;

import java.time.Instant;

/** A unit as the API returns it. */
public record UnitView(
    long id,
    long buildingId,
    long estateId,
    String code,
    String name,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
