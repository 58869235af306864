package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A lease or a reservation: the space it holds (with its lot and number), for whom, and the half
 * open period {@code [from, to)} it holds it; for a lease also its first and last day in the
 * module's time zone, and the room billed its rent per term, if any; for a reservation the
 * visitor's plate, the minutes it waits for an arrival, when the visitor arrived, and when the
 * platform released it as a no-show.
 */
public record BookingView(
    long id,
    String kind,
    long spaceId,
    String spaceNumber,
    long lotId,
    long estateId,
    String term,
    Integer terms,
    String holderName,
    String holderPhone,
    Instant from,
    Instant to,
    String state,
    String note,
    String cancelReason,
    Instant createdAt,
    Instant updatedAt,
    int version,
    LocalDate firstDay,
    LocalDate lastDay,
    Long roomId,
    BigDecimal rent,
    String plate,
    Integer noShowMinutes,
    Instant arrivedAt,
    Instant releasedAt) {}
