package org.courtyard.estate.internal.dto;

/**
 * Body of {@code PUT /buildings/{id}}. {@code estateId} may be left out; if present it must be the
 * building's current estate, because a building cannot move.
 */
public record BuildingUpdate(
    Long estateId, String code, String name, Integer floors, Integer version) {}
