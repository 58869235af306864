package org.courtyard.parking.internal.dto;

/**
 * Body of {@code POST /parking/lots} and {@code PUT /parking/lots/{id}} (which needs {@code
 * version} and keeps the estate).
 */
public record LotInput(
    Long estateId,
    String code,
    String name,
    String location,
    Integer levels,
    Integer temporarySpaces,
    Integer version) {}
