package org.courtyard.parking.internal.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Temporary parking's takings: per day (at the exit, ahead), per method, and in total. */
public record RevenueReport(
    LocalDate from,
    LocalDate to,
    List<Day> days,
    List<Method> methods,
    BigDecimal atExit,
    BigDecimal ahead,
    BigDecimal total,
    int payments) {

  public record Day(
      LocalDate day, BigDecimal atExit, BigDecimal ahead, BigDecimal total, int payments) {}

  public record Method(String method, BigDecimal amount, int payments) {}
}
