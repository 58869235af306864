package org.courtyard.parking.internal.dto;

/**
 * A lot's vehicles by its passages: {@code inside} vehicles entered and not out, of which {@code
 * temporaryInside} on its {@code temporarySpaces}; {@code temporaryFree} what the gate can still
 * let in for a temporary stay; {@code waiting} reads waiting for a guard.
 */
public record OccupancyView(
    long lotId,
    int inside,
    int temporarySpaces,
    int temporaryInside,
    int temporaryFree,
    int waiting) {}
