package org.courtyard.parking.internal.dto;

/**
 * Body of {@code POST /parking/spaces} ({@code lotId} required) and {@code PUT
 * /parking/spaces/{id}} ({@code version} required, the lot kept).
 */
public record SpaceInput(
    Long lotId,
    String number,
    String kind,
    Integer level,
    String size,
    String state,
    Integer version) {}
