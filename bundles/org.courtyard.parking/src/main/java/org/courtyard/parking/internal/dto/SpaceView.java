package org.courtyard.parking.internal.dto;

import java.time.Instant;

/** A space of a lot; {@code ownerName} is the current owner of a sold space, or null. */
public record SpaceView(
    long id,
    long lotId,
    long estateId,
    String number,
    String kind,
    int level,
    String size,
    String state,
    Instant createdAt,
    Instant updatedAt,
    int version,
    String ownerName,
    String sensorDeviceId,
    Boolean occupied,
    Instant occupiedAt) {}
