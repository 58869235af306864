package org.courtyard.estate.internal.dto;

import java.time.Instant;

/** An estate as the API returns it. */
public record EstateView(
    long id,
    String code,
    String name,
    String address,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
