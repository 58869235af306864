package org.courtyard.estate.internal.dto;

import java.math.BigDecimal;

/**
 * Body of {@code POST /rooms}. The building is taken from the unit; {@code status} defaults to
 * {@code vacant}.
 */
public record RoomInput(
    Long unitId, String number, Integer floor, BigDecimal area, String type, String status) {}
