package org.courtyard.residents.internal.dto;

import java.time.Instant;

/** A vehicle as the API returns it; current while {@code removedAt} is null. */
public record VehicleView(
    long id, long personId, String plate, String color, Instant createdAt, Instant removedAt) {}
