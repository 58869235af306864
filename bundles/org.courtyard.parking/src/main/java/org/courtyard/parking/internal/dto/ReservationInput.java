package org.courtyard.parking.internal.dto;

import java.time.OffsetDateTime;

/** Body of {@code POST /parking/reservations}: a space for a slot, {@code [from, to)}. */
public record ReservationInput(
    Long spaceId,
    OffsetDateTime from,
    OffsetDateTime to,
    String holderName,
    String holderPhone,
    String note) {}
