package org.courtyard.billing.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;

/** Billing periods: calendar months written {@code YYYY-MM}. */
final class Periods {

  private static final Texts TEXTS = Texts.of(Periods.class);

  private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");

  private Periods() {}

  /**
   * @throws ProblemException 400 {@code invalid-period} for anything but {@code YYYY-MM}
   */
  static YearMonth parse(String value) {
    if (value == null || !PERIOD.matcher(value).matches()) {
      throw Errors.invalidPeriod(value);
    }
    return YearMonth.parse(value);
  }

  static YearMonth current(Clock clock, ZoneId zone) {
    return YearMonth.now(clock.withZone(zone));
  }

  /**
   * @throws ProblemException 422 {@code period-in-future} for a month after the current one
   */
  static void requireNotFuture(YearMonth period, Clock clock, ZoneId zone) {
    YearMonth now = current(clock, zone);
    if (period.isAfter(now)) {
      throw TEXTS.problem(422, "period-in-future", "period.in-future", period, now);
    }
  }
}
