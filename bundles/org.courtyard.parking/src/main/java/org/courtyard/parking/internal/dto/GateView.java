package org.courtyard.parking.internal.dto;

import java.time.Instant;

/** A lane of a plate-reading camera that is an entrance or an exit of a lot. */
public record GateView(
    long id,
    long lotId,
    String deviceId,
    String lane,
    String direction,
    String name,
    Instant createdAt) {}
