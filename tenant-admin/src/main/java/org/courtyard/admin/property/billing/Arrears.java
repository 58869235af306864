package org.courtyard.admin.property.billing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Arrears (欠费) as {@code GET /billing/arrears}, {@code /billing/arrears/summary} and {@code
 * /billing/arrears/reminders} answer them: the totals of a day over all rooms in scope (in all and
 * by age), a room's aged arrears, and a room to remind (催缴: something more than 30 days past due).
 */
public final class Arrears {

  private Arrears() {}

  /**
   * The day's totals over every room in scope: {@code rooms} owe something past due, and each
   * bucket says how much is that old and in how many rooms; the sums of the list's rows.
   */
  public record Summary(
      LocalDate asOf, String currency, BigDecimal total, long rooms, List<Bucket> buckets)
      implements Serializable {

    public Summary {
      buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }
  }

  /**
   * An age bucket: {@code key} days0to30, days31to90 or days90plus (the list's columns), from
   * {@code fromDays} to {@code toDays} days past due ({@code toDays} null: no end).
   */
  public record Bucket(String key, int fromDays, Integer toDays, BigDecimal amount, long rooms)
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
