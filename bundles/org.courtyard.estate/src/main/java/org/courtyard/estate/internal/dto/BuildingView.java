package org.courtyard.estate.internal.dto;

import java.time.Instant;

/** A building as the API returns it. */
public record BuildingView(
    long id,
    long estateId,
    String code,
    String name,
    Integer floors,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
