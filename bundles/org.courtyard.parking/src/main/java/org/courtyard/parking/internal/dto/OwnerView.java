package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One owner of a sold space: theirs from {@code since} until {@code until} (null: still theirs);
 * the room billed the space's monthly management fee, if any.
 */
public record OwnerView(
    long id,
    long spaceId,
    String holderName,
    String holderPhone,
    LocalDate since,
    LocalDate until,
    String note,
    Instant recordedAt,
    Long roomId,
    BigDecimal monthlyFee) {}
