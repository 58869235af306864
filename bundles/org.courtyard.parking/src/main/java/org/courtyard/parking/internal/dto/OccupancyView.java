package org.courtyard.parking.internal.dto;

/**
 * A lot's vehicles by its passages: {@code inside} vehicles entered and not out, of which {@code
 * temporaryInside} on its {@code temporarySpaces}; {@code temporaryFree} what the gate can still
 * let in for a temporary stay; {@code waiting} reads waiting for a guard. By its sensors: {@code
 * sensedSpaces} spaces watched by an occupancy sensor, of which {@code sensedFree} in service and
 * free by their latest reading (a space whose sensor has not reported yet is not counted free).
 */
public record OccupancyView(
    long lotId,
    int inside,
    int temporarySpaces,
    int temporaryInside,
    int temporaryFree,
    int waiting,
    int sensedSpaces,
    int sensedFree) {}
