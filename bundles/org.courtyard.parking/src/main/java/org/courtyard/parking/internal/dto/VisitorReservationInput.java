package org.courtyard.parking.internal.dto;

import java.time.OffsetDateTime;

/**
 * Body of a resident's {@code POST /parking/my/reservations}: a visitor space of the lot for the
 * slot {@code [from, to)}, for the visitor named {@code holderName} (phone and note optional), with
 * their {@code plate} (optional) and the minutes the space waits for them ({@code noShowMinutes},
 * default 30). The platform picks the space.
 */
public record VisitorReservationInput(
    Long lotId,
    OffsetDateTime from,
    OffsetDateTime to,
    String holderName,
    String holderPhone,
    String note,
    String plate,
    Integer noShowMinutes) {}
