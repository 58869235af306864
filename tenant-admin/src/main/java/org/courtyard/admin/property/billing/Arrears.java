package org.courtyard.admin.property.billing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Arrears (欠费) as {@code GET /billing/arrears} and {@code /billing/arrears/reminders} answer them:
 * the header of a page (the day, currency and total past due over all rooms in scope), a room's
 * aged arrears, and a room to remind (催缴: something more than 30 days past due).
 */
public final class Arrears {

  private Arrears() {}

  /** What a page says besides its rows: {@code total} is over every room, not the page. */
  public record Summary(LocalDate asOf, String currency, BigDecimal total)
      implements Serializable {}

  /** A room's arrears past due on the day, by age: 1–30 days, 31–90, over 90. */
  public record Room(
      long roomId,
      long buildingId,
      BigDecimal outstanding,
      LocalDate oldestDueDate,
      long maxDaysPastDue,
      BigDecimal days0to30,
      BigDecimal days31to90,
      BigDecimal days90plus)
      implements Serializable {}

  /** A room to remind, largest amount owed first; {@code label} is its address. */
  public record Reminder(
      long roomId,
      String label,
      long buildingId,
      BigDecimal outstanding,
      BigDecimal over30Days,
      LocalDate oldestDueDate,
      long maxDaysPastDue)
      implements Serializable {}
}
