package org.courtyard.residents.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An occupancy as the API returns it; current while {@code moveOut} is null. {@code personName} is
 * there so that a room's history reads without one request per person.
 */
public record OccupancyView(
    long id,
    long personId,
    String personName,
    long roomId,
    String role,
    BigDecimal sharePercent,
    LocalDate moveIn,
    LocalDate moveOut,
    Instant createdAt) {}
