package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Ages a room's unpaid bills (欠费账龄). A bill is past due from the day after its due date (the last
 * day of its period plus the tenant's grace days); on {@code asOf} it is {@code asOf − dueDate}
 * days past due and falls in the bucket 0–30 (1 to 30 days), 31–90 or over 90.
 */
public final class Aging {

  /** Something a room still owes, and when it was due. */
  public record Due(LocalDate dueDate, BigDecimal outstanding) {}

  /** The aged arrears of one room; {@code total} is the sum of the three buckets. */
  public record Buckets(
      BigDecimal days0to30,
      BigDecimal days31to90,
      BigDecimal days90plus,
      BigDecimal total,
      LocalDate oldestDueDate,
      long maxDaysPastDue) {

    /** The part more than 30 days past due: what payment reminders (催缴) are about. */
    public BigDecimal over30() {
      return days31to90.add(days90plus);
    }
  }

  private Aging() {}

  public static LocalDate dueDate(YearMonth period, int graceDays) {
    return period.atEndOfMonth().plusDays(graceDays);
  }

  /** Empty when nothing in {@code dues} is past due on {@code asOf}. */
  public static Optional<Buckets> age(List<Due> dues, LocalDate asOf) {
    BigDecimal b0 = BigDecimal.ZERO.setScale(2);
    BigDecimal b1 = b0;
    BigDecimal b2 = b0;
    LocalDate oldest = null;
    long maxDays = 0;
    for (Due due : dues) {
      long days = ChronoUnit.DAYS.between(due.dueDate(), asOf);
      if (days < 1 || due.outstanding().signum() <= 0) {
        continue;
      }
      if (days <= 30) {
        b0 = b0.add(due.outstanding());
      } else if (days <= 90) {
        b1 = b1.add(due.outstanding());
      } else {
        b2 = b2.add(due.outstanding());
      }
      if (oldest == null || due.dueDate().isBefore(oldest)) {
        oldest = due.dueDate();
      }
      maxDays = Math.max(maxDays, days);
    }
    if (oldest == null) {
      return Optional.empty();
    }
    return Optional.of(new Buckets(b0, b1, b2, b0.add(b1).add(b2), oldest, maxDays));
  }
}
