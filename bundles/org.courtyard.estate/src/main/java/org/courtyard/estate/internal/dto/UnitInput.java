package org.courtyard.estate.internal.dto;

/** Body of {@code POST /units}. */
public record UnitInput(Long buildingId, String code, String name) {}
