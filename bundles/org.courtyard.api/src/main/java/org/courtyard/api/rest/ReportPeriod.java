package org.courtyard.api.rest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.courtyard.api.Texts;

/**
 * The days a report covers, both included, as dates of the tenant's zone: at most {@link #MAX_DAYS}
 * (a leap year), {@code to} not before {@code from}.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

  /** The longest period a report covers. */
  public static final int MAX_DAYS = 366;

  private static final Texts TEXTS = Texts.of(ReportPeriod.class);

  /**
   * The period of the query parameters {@code from} and {@code to} (YYYY-MM-DD): 400
   * invalid-parameter when one is missing or malformed, 422 invalid-period when it runs backwards
   * or is longer than {@link #MAX_DAYS}.
   */
  public static ReportPeriod of(String fromText, String toText) {
    LocalDate from = required("from", fromText);
    LocalDate to = required("to", toText);
    if (to.isBefore(from)) {
      throw TEXTS.problem(422, "invalid-period", "period.backwards", from, to);
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw TEXTS.problem(422, "invalid-period", "period.too-long", MAX_DAYS);
    }
    return new ReportPeriod(from, to);
  }

  /** The number of days covered. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  private static LocalDate required(String name, String value) {
    LocalDate date = Params.date(name, value);
    if (date == null) {
      throw Params.invalid(TEXTS.text("period.required", name));
    }
    return date;
  }
}
