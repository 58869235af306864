package org.courtyard.estate.internal.dto;

/**
 * Body of {@code PUT /units/{id}}. {@code buildingId} may be left out; if present it must be the
 * unit's current building.
 */
public record UnitUpdate(Long buildingId, String code, String name, Integer version) {}
