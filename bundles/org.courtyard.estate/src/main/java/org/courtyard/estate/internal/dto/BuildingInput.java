package org.courtyard.estate.internal.dto;

/** Body of {@code POST /buildings}. */
public record BuildingInput(Long estateId, String code, String name, Integer floors) {}
