package org.courtyard.parking.internal.dto;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One owner of a sold space: theirs from {@code since} until {@code until} (null: still theirs).
 */
public record OwnerView(
    long id,
    long spaceId,
    String holderName,
    String holderPhone,
    LocalDate since,
    LocalDate until,
    String note,
    Instant recordedAt) {}
