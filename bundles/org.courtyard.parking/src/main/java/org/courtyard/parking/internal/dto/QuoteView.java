package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a stay costs under the lot's tariff: the amount, the minutes charged (after the minutes
 * given off), and each 24 hours from the entry before and after its cap.
 */
public record QuoteView(
    long lotId,
    Instant entry,
    Instant exit,
    long minutesOff,
    BigDecimal amount,
    long chargedMinutes,
    List<Day> days) {

  /** One 24-hour block counted from the entry. */
  public record Day(Instant from, BigDecimal charged, BigDecimal capped) {}
}
