package org.courtyard.estate.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/** A room as the API returns it; {@code area} in square metres with two decimals. */
public record RoomView(
    long id,
    long unitId,
    long buildingId,
    long estateId,
    String number,
    int floor,
    BigDecimal area,
    String type,
    String status,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
