package org.courtyard.parking.internal.dto;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A monthly card: the plate may enter the lot on every day from {@code firstDay} to {@code lastDay}
 * while {@code state} is {@code active}; {@code validToday} says whether today (in the lot's zone)
 * is one of them.
 */
public record CardView(
    long id,
    long lotId,
    String lotName,
    long estateId,
    String plate,
    Long personId,
    String holderName,
    String holderPhone,
    LocalDate firstDay,
    LocalDate lastDay,
    String state,
    boolean validToday,
    String cancelReason,
    String note,
    Instant createdAt,
    int version) {}
