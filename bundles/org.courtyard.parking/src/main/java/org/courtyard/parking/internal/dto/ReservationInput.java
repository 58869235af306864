package org.courtyard.parking.internal.dto;

import java.time.OffsetDateTime;

/**
 * Body of {@code POST /parking/reservations}: a space for a slot, {@code [from, to)}; the visitor's
 * {@code plate} (optional: the entrance camera lets it in on the reservation), and the minutes
 * after the slot begins that the space waits for an arrival ({@code noShowMinutes}, 5 to 1440,
 * default 30) before it is released.
 */
public record ReservationInput(
    Long spaceId,
    OffsetDateTime from,
    OffsetDateTime to,
    String holderName,
    String holderPhone,
    String note,
    String plate,
    Integer noShowMinutes) {}
