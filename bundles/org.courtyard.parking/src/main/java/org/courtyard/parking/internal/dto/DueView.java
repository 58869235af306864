package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a vehicle parked on a temporary space owes now: its stay's {@code fee} by the lot's tariff,
 * what was {@code paid} ahead, and what is {@code due} (nothing until {@code leaveBy}, the grace
 * minutes after the last payment).
 */
public record DueView(
    long lotId,
    String plate,
    long entryId,
    Instant enteredAt,
    Instant at,
    BigDecimal fee,
    BigDecimal paid,
    BigDecimal due,
    Instant leaveBy) {}
