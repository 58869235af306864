package org.courtyard.estate.internal.dto;

import java.math.BigDecimal;

/**
 * Body of {@code PUT /rooms/{id}}: replaces all fields, so {@code status} is required here. {@code
 * unitId} may be left out; if present it must be the room's current unit.
 */
public record RoomUpdate(
    Long unitId,
    String number,
    Integer floor,
    BigDecimal area,
    String type,
    String status,
    Integer version) {}
