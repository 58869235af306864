package org.courtyard.billing.internal.calc;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How often a fee is charged. Cycles follow the calendar: quarters start in January, April, July
 * and October, years in January. A fee is charged in its cycle's first month, for the whole cycle.
 */
public enum Cycle {
  MONTHLY("monthly", 1),
  QUARTERLY("quarterly", 3),
  YEARLY("yearly", 12);

  private final String value;
  private final int months;

  Cycle(String value, int months) {
    this.value = value;
    this.months = months;
  }

  public String value() {
    return value;
  }

  public int months() {
    return months;
  }

  /** Whether {@code period} is the first month of a cycle, the month the fee is charged in. */
  public boolean chargedIn(YearMonth period) {
    return (period.getMonthValue() - 1) % months == 0;
  }

  public LocalDate firstDay(YearMonth cycleStart) {
    return cycleStart.atDay(1);
  }

  public LocalDate lastDay(YearMonth cycleStart) {
    return cycleStart.plusMonths(months - 1L).atEndOfMonth();
  }

  public static Optional<Cycle> parse(String value) {
    return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst();
  }

  public static String allowedValues() {
    return Arrays.stream(values()).map(Cycle::value).collect(Collectors.joining(", "));
  }
}
